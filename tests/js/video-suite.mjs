// The runtime-agnostic cases of the `video` entry, run in every server runtime (Node ESM and CJS,
// Deno, Bun, workerd, edge-runtime) against the REST API stand-in at `url`
// (scripts/video-api-stand-in.mjs): each call with both kinds of credentials, the faults, and bad
// input refused before anything is sent. Only the language, fetch and the package here.
import { APP, KEY, SECRET, assert, equal } from './suite.mjs';

async function rejection(promise, code, TokenError) {
  let thrown;
  try {
    await promise;
  } catch (err) {
    thrown = err;
  }
  assert(thrown !== undefined, `expected ${code}, the call resolved`);
  assert(thrown instanceof TokenError, `expected a TokenError ${code}, got ${thrown && thrown.name}: ${thrown && thrown.message}`);
  equal(thrown.code, code, `wrong code (message: ${thrown.message})`);
  assert(!thrown.message.includes(SECRET), 'the message contains the secret');
  return thrown;
}

/** The cases: [name, async fn]. `verify` (the verify entry) checks the tokens minted. */
export function videoSuite({ api, video, verify, keys, url }) {
  const { Video } = video;
  const { TokenError } = api;
  const cases = [];
  const test = (name, fn) => cases.push([`video: ${name}`, fn]);
  const kinds = [
    ['project', { apiKey: KEY, apiSecret: SECRET }, (token) => verify.verifyToken(token, SECRET)],
    ['application', { applicationId: APP, privateKey: keys.privateKey }, (token) => verify.verifyToken(token, keys.publicKey)],
  ];

  test('one TokenError class with the main entry', () => equal(video.TokenError, api.TokenError));

  for (const [kind, credentials, verifyToken] of kinds) {
    test(`${kind}: a session, a token for it, an archive's life, moderation and streams`, async () => {
      const client = new Video(credentials, { videoHost: url });
      const session = await client.createSession({ mediaMode: 'routed', archiveMode: 'manual', location: '10.1.2.3' });
      assert(typeof session.sessionId === 'string' && session.sessionId.startsWith('1_'), JSON.stringify(session));
      equal(session.mediaMode, 'routed');
      equal(session.location, '10.1.2.3');
      const token = await client.generateClientToken(session.sessionId, { role: 'moderator', data: 'from the video suite' });
      const checked = await verifyToken(token);
      equal(checked.claims.session_id, session.sessionId);
      equal(checked.claims.role, 'moderator');
      const archive = await client.startArchive(session.sessionId, { name: 'suite', outputMode: 'composed', layout: { type: 'pip' } });
      equal(archive.status, 'started');
      equal(archive.sessionId, session.sessionId);
      equal((await client.getArchive(archive.id)).id, archive.id);
      const page = await client.searchArchives({ sessionId: session.sessionId, count: 10 });
      equal(page.count, 1);
      equal(page.items[0].id, archive.id);
      equal((await client.stopArchive(archive.id)).status, 'stopped');
      equal(await client.deleteArchive(archive.id), undefined);
      equal(await client.sendSignal({ type: 'chat', data: 'hello é 😀' }, session.sessionId), undefined);
      assert(typeof (await client.forceMuteAll(session.sessionId, ['stream-9'])) === 'object', 'forceMuteAll answers the project details');
      const streams = await client.getStreamInfo(session.sessionId);
      equal(streams.count, 0);
      equal(streams.items.length, 0);
      // The runtime's own fetch, passed as it is.
      const relayed = await new Video(credentials, { videoHost: url, fetch: globalThis.fetch }).createSession({ mediaMode: 'relayed' });
      equal(relayed.mediaMode, 'relayed');
      // A relayed session cannot be archived: the API's 409.
      equal((await rejection(client.startArchive(relayed.sessionId), 'ERR_API_STATUS', TokenError)).status, 409);
    });

    test(`${kind}: faults are coded errors with what a retry needs`, async () => {
      const client = new Video(credentials, { videoHost: url, timeout: 2000 });
      const limited = await rejection(client.getArchive('fault-429'), 'ERR_API_STATUS', TokenError);
      equal(limited.status, 429);
      equal(limited.retryAfter, 7);
      equal(limited.operation, 'getArchive');
      await rejection(client.getArchive('fault-garbled'), 'ERR_API_ANSWER', TokenError);
      await rejection(client.getArchive('fault-huge'), 'ERR_API_ANSWER_TOO_LARGE', TokenError);
      await rejection(client.getArchive('fault-slow', { timeout: 200 }), 'ERR_API_TIMEOUT', TokenError);
      const controller = new AbortController();
      controller.abort();
      await rejection(client.getArchive('a1', { signal: controller.signal }), 'ERR_API_ABORTED', TokenError);
      await rejection(new Video(credentials, { videoHost: 'http://127.0.0.1:9' }).getArchive('a1'), 'ERR_API_UNREACHABLE', TokenError);
    });

    test(`${kind}: bad input is refused before anything is sent`, async () => {
      let sent = 0;
      const client = new Video(credentials, { fetch: () => { sent++; throw new Error('sent'); } });
      await rejection(client.stopArchive('a/b'), 'ERR_INVALID_ARCHIVE_ID', TokenError);
      await rejection(client.createSession({ archiveMode: 'always', mediaMode: 'relayed' }), 'ERR_INVALID_OPTIONS', TokenError);
      await rejection(client.createSession({ mediaMode: 'routed', colour: 'red' }), 'ERR_UNKNOWN_OPTION', TokenError);
      await rejection(client.sendSignal({ type: 'chat', data: 'x'.repeat(8193) }, 'nope'), 'ERR_INVALID_SIGNAL', TokenError);
      await rejection(client.sendSignal({ type: 'chat', data: 'x' }, 'nope'), 'ERR_INVALID_SESSION_ID', TokenError);
      await rejection(client.searchArchives({ offset: Number.NaN }), 'ERR_INVALID_OPTIONS', TokenError);
      await rejection(client.searchArchives({ count: 'x'.repeat(1 << 20) }), 'ERR_INVALID_OPTIONS', TokenError);
      equal(sent, 0, 'nothing was sent');
    });
  }
  return cases;
}
