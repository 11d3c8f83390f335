// Compile-only checks of the video entry's .d.ts. Run with and without the DOM lib: nothing here,
// nor in the declarations, may need DOM or Node types.
import { TokenError, Video } from 'vonage-video-token/video';
import type { Archive, ArchiveSearch, Session, Stream, StreamList, VideoAbortSignal } from 'vonage-video-token/video';

declare const env: { APPLICATION_ID: string; PRIVATE_KEY: string; API_KEY: string; API_SECRET: string };
declare const signal: VideoAbortSignal;

async function main(): Promise<void> {
  const video = new Video({ applicationId: env.APPLICATION_ID, privateKey: env.PRIVATE_KEY }, { timeout: 5000 });
  const project = new Video({ apiKey: env.API_KEY, apiSecret: env.API_SECRET }, { videoHost: 'https://api.opentok.com' });
  const session: Session = await video.createSession({ mediaMode: 'routed', archiveMode: 'always' });
  const token: string = await project.generateClientToken(session.sessionId, { role: 'moderator' });
  const archive: Archive = await video.startArchive(session.sessionId, { name: 'x', layout: { type: 'custom', stylesheet: 'x' }, maxBitrate: 2e6 }, { signal });
  const page: ArchiveSearch = await video.searchArchives({ count: 10 });
  const one: Stream = await video.getStreamInfo(session.sessionId, 'stream');
  const all: StreamList = await video.getStreamInfo(session.sessionId);
  await video.sendSignal({ type: 'chat', data: 'hi' }, session.sessionId);
  await video.forceMuteAll(session.sessionId, ['a']);
  const none: void = await video.deleteArchive(archive.id);
  try {
    await video.stopArchive(archive.id, { timeout: 100 });
  } catch (err) {
    if (err instanceof TokenError && err.code === 'ERR_API_STATUS') {
      const wait: number | undefined = err.retryAfter;
      const status: number | undefined = err.status;
      void wait; void status;
    }
  }
  // @ts-expect-error media modes are a closed set
  await video.createSession({ mediaMode: 'p2p' });
  // @ts-expect-error credentials of one kind
  new Video({ apiKey: env.API_KEY });
  void token; void page; void one; void all; void none;
}
void main;
