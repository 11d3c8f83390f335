// With the DOM lib: the runtime's own fetch, AbortSignal and Response fit the video entry's types.
import { Video } from 'vonage-video-token/video';

declare const env: { API_KEY: string; API_SECRET: string };

async function main(): Promise<void> {
  const video = new Video({ apiKey: env.API_KEY, apiSecret: env.API_SECRET }, { fetch: (url, init) => fetch(url, init) });
  await video.getArchive('a', { signal: AbortSignal.timeout(1000) });
  new Video({ apiKey: env.API_KEY, apiSecret: env.API_SECRET }, { fetch });
}
void main;
