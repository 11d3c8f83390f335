// The Video REST API entry when things go wrong: each fault is a TokenError with a code, the call's
// name and what a retry needs, never a credential; nothing is retried; answers are read with a
// bound; and bad input, hostile sizes included, is refused before anything is sent.
import { test } from 'node:test';
import { deepEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { createServer } from 'node:http';
import { privateKey, standIn as running, useStandIn, vector } from './stand-in.mjs';
import { APP, APP_SESSION, KEY, SECRET, SESSION } from '../suite.mjs';
import { packageEntry } from './package-path.mjs';

const { Video, TokenError } = await import(packageEntry('./video', 'import'));
const { TokenError: MainTokenError } = await import(packageEntry('.', 'import'));
const { LIMITS } = await import(new URL('../../../pkg-template/lib/tables.js', import.meta.url));
const MiB = 1024 * 1024;
const keyLines = privateKey.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));

useStandIn();

const clients = () => [
  ['project', new Video({ apiKey: KEY, apiSecret: SECRET }, { videoHost: running.current.url })],
  ['application', new Video({ applicationId: APP, privateKey }, { videoHost: running.current.url })],
];

/** The TokenError a promise rejects with; checks that it repeats no credential. */
async function failure(promise, code) {
  let error;
  try {
    await promise;
  } catch (err) {
    error = err;
  }
  ok(error instanceof TokenError, `expected a TokenError ${code}, got ${error}`);
  ok(error instanceof MainTokenError, 'one TokenError class across entries');
  equal(error.code, code, error.message);
  const text = `${error.message}\n${error.stack}\n${JSON.stringify(error)}`;
  ok(!text.includes(SECRET), 'the secret appears');
  ok(!keyLines.some((line) => text.includes(line)), 'the private key appears');
  ok(!/eyJ[\w-]+\.eyJ/.test(text), 'a JWT appears');
  return error;
}

test('a status outside 2xx: ERR_API_STATUS with the status, Retry-After and the API\'s message; never retried', async () => {
  for (const [kind, video] of clients()) {
    for (const [id, status, retryAfter, apiMessage] of [
      ['fault-429', 429, 7, 'Too many requests'], ['fault-503', 503, 7, 'Service unavailable'], ['fault-500', 500, undefined, 'Something went wrong'],
      ['0123456789', 404, undefined, 'Archive not found'],
    ]) {
      const before = running.current.requests.length;
      const error = await failure(video.getArchive(id), 'ERR_API_STATUS');
      deepEqual([error.status, error.retryAfter, error.apiMessage, error.operation], [status, retryAfter, apiMessage, 'getArchive'], `${kind} ${id}`);
      match(error.message, new RegExp(`${status} to getArchive`));
      equal(running.current.requests.length, before + 1, 'exactly one request: no hidden retry');
    }
  }
  // Retry-After as an HTTP date; an API message that repeats the credential is left out.
  const video = new Video({ apiKey: KEY, apiSecret: SECRET }, { videoHost: running.current.url });
  running.current.failNext(503, { message: 'later' }, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() });
  const dated = await failure(video.searchArchives(), 'ERR_API_STATUS');
  ok(dated.retryAfter >= 28 && dated.retryAfter <= 31, String(dated.retryAfter));
  running.current.next((req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `bad token ${req.headers['x-opentok-auth']}` })));
  const echoed = await failure(video.searchArchives(), 'ERR_API_STATUS');
  equal(echoed.status, 401);
  equal(echoed.apiMessage, undefined);
  running.current.failNext(400, undefined);
  equal((await failure(video.searchArchives(), 'ERR_API_STATUS')).apiMessage, undefined);
});

test('an unreachable host, a timeout (default and per call, before and during the answer), the caller\'s signal', async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadPort = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  for (const credentials of [{ apiKey: KEY, apiSecret: SECRET }, { applicationId: APP, privateKey }]) {
    const unreachable = await failure(new Video(credentials, { videoHost: `http://127.0.0.1:${deadPort}` }).createSession(), 'ERR_API_UNREACHABLE');
    ok(unreachable.cause, 'the cause is kept');
    equal(unreachable.operation, 'createSession');

    const video = new Video(credentials, { videoHost: running.current.url, timeout: 300 });
    let started = Date.now();
    const slow = await failure(video.getArchive('fault-slow'), 'ERR_API_TIMEOUT');
    ok(Date.now() - started < 5000 && Date.now() - started >= 250, `${Date.now() - started} ms`);
    match(slow.message, /300 ms/);
    started = Date.now();
    await failure(video.getArchive('fault-slow', { timeout: 100 }), 'ERR_API_TIMEOUT');
    ok(Date.now() - started < 290, 'the per-call timeout wins');
    // Headers at once, then a body that stalls.
    running.current.next((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    await failure(video.getArchive('stalls'), 'ERR_API_TIMEOUT');

    const aborted = new AbortController();
    aborted.abort();
    const before = running.current.requests.length;
    await failure(new Video(credentials, { videoHost: running.current.url }).getArchive('x1', { signal: aborted.signal }), 'ERR_API_ABORTED');
    equal(running.current.requests.length, before, 'an aborted signal sends nothing');
    const later = new AbortController();
    setTimeout(() => later.abort(), 100);
    await failure(new Video(credentials, { videoHost: running.current.url }).getArchive('fault-slow', { signal: later.signal }), 'ERR_API_ABORTED');
    const midBody = new AbortController();
    running.current.next((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
      setTimeout(() => midBody.abort(), 50);
    });
    await failure(new Video(credentials, { videoHost: running.current.url }).getArchive('x2', { signal: midBody.signal }), 'ERR_API_ABORTED');
  }
  // The default timeout is 10 s: a fetch that never settles is cut then (the clock faked).
  const never = new Video({ apiKey: KEY, apiSecret: SECRET }, {
    fetch: (url, init) => new Promise((resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason))),
  });
  const started = Date.now();
  const { mock } = await import('node:test');
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const pending = failure(never.getArchive('x'), 'ERR_API_TIMEOUT');
    await new Promise((resolve) => setImmediate(resolve));
    mock.timers.tick(9_999);
    await new Promise((resolve) => setImmediate(resolve));
    mock.timers.tick(1);
    match((await pending).message, /10000 ms/);
  } finally {
    mock.timers.reset();
  }
  ok(Date.now() - started < 5000);
});

test('answers that are not the expected JSON, or longer than 1 MiB (read with a bound, never whole)', async () => {
  for (const [kind, video] of clients()) {
    await failure(video.getArchive('fault-garbled'), 'ERR_API_ANSWER');
    await failure(video.getArchive('fault-shape'), 'ERR_API_ANSWER');
    await failure(video.getArchive('fault-huge'), 'ERR_API_ANSWER_TOO_LARGE');
    await failure(video.getArchive('fault-huge-declared'), 'ERR_API_ANSWER_TOO_LARGE');
    // A session of the other credentials' owner.
    running.current.failNext(200, [{ session_id: kind === 'project' ? APP_SESSION : SESSION }]);
    await failure(video.createSession(), 'ERR_API_ANSWER');
    running.current.failNext(200, { sessions: [] });
    await failure(video.createSession(), 'ERR_API_ANSWER');
    running.current.next((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])));
    await failure(video.getArchive('utf8'), 'ERR_API_ANSWER');
  }
  // An endless answer: reading stops just past 1 MiB.
  let pulled = 0;
  const endless = new Video({ apiKey: KEY, apiSecret: SECRET }, {
    fetch: async () => new Response(new ReadableStream({
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    }), { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  await failure(endless.getArchive('x'), 'ERR_API_ANSWER_TOO_LARGE');
  ok(pulled <= MiB + 64 * 1024, `${pulled} bytes pulled`);
  // Exactly 1 MiB is read; one byte more is not.
  const head = '{"id":"a1","status":"available","sessionId":"s","createdAt":1,"pad":"';
  const archiveOf = (size) => `${head}${'x'.repeat(size - head.length - 2)}"}`;
  for (const [size, code] of [[MiB, undefined], [MiB + 1, 'ERR_API_ANSWER_TOO_LARGE']]) {
    const video = new Video({ apiKey: KEY, apiSecret: SECRET }, { fetch: async () => new Response(archiveOf(size), { status: 200 }) });
    if (code) await failure(video.getArchive('x'), code);
    else equal((await video.getArchive('x')).pad.length, size - head.length - 2);
  }
});

test('bad arguments, hostile sizes included, are refused before anything is sent, and memory does not grow', async () => {
  let sent = 0;
  const counting = { fetch: () => { sent++; throw new Error('nothing may be sent'); } };
  const project = new Video({ apiKey: KEY, apiSecret: SECRET }, counting);
  const application = new Video({ applicationId: APP, privateKey }, counting);
  const huge = 'x'.repeat(50 * MiB);
  const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
  const throwing = { get name() { throw new Error(SECRET); } };
  const cases = [
    ['createSession', (v) => v.createSession({ mediaMode: 'p2p' }), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession({ archiveMode: 'always', mediaMode: 'relayed' }), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession({ e2ee: true, archiveMode: 'always' }), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession({ e2ee: 'yes' }), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession({ location: '256.1.1.1' }), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession({ location: huge }), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession({ [SECRET]: 1 }), 'ERR_UNKNOWN_OPTION'],
    ['createSession', (v) => v.createSession('routed'), 'ERR_INVALID_OPTIONS'],
    ['createSession', (v) => v.createSession(new Proxy({}, { ownKeys() { throw new Error(SECRET); } })), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { name: huge }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, throwing), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { layout: deep }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { layout: { type: 'custom' } }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { resolution: '4k' }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { maxBitrate: 10 }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { hasAudio: 1 }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { transcriptionProperties: { primaryLanguageCode: 'english!' } }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(huge), 'ERR_INVALID_SESSION_ID'],
    ['startArchive', (v) => v.startArchive(''), 'ERR_INVALID_SESSION_ID'],
    ['startArchive', (v) => v.startArchive(12), 'ERR_INVALID_SESSION_ID'],
    ['stopArchive', (v) => v.stopArchive('a/../b'), 'ERR_INVALID_ARCHIVE_ID'],
    ['stopArchive', (v) => v.stopArchive(huge), 'ERR_INVALID_ARCHIVE_ID'],
    ['getArchive', (v) => v.getArchive('x'.repeat(LIMITS.videoId + 1)), 'ERR_INVALID_ARCHIVE_ID'],
    ['getArchive', (v) => v.getArchive('..'), 'ERR_INVALID_ARCHIVE_ID'],
    ['deleteArchive', (v) => v.deleteArchive(''), 'ERR_INVALID_ARCHIVE_ID'],
    ['searchArchives', (v) => v.searchArchives({ count: 1001 }), 'ERR_INVALID_OPTIONS'],
    ['searchArchives', (v) => v.searchArchives({ offset: -1 }), 'ERR_INVALID_OPTIONS'],
    ['searchArchives', (v) => v.searchArchives({ offset: 1.5 }), 'ERR_INVALID_OPTIONS'],
    ['searchArchives', (v) => v.searchArchives({ offset: Number.NaN }), 'ERR_INVALID_OPTIONS'],
    ['searchArchives', (v) => v.searchArchives({ count: Number.POSITIVE_INFINITY }), 'ERR_INVALID_OPTIONS'],
    ['startArchive', (v) => v.startArchive(SESSION, { maxBitrate: Number.NaN }), 'ERR_INVALID_OPTIONS'],
    ['searchArchives', (v) => v.searchArchives({ count: 10n }), 'ERR_INVALID_OPTIONS'],
    ['searchArchives', (v) => v.searchArchives({ sessionId: 'nope' }), 'ERR_INVALID_SESSION_ID'],
    ['disconnectClient', (v) => v.disconnectClient(SESSION, 'a b'), 'ERR_INVALID_CONNECTION_ID'],
    ['disconnectClient', (v) => v.disconnectClient(SESSION), 'ERR_INVALID_CONNECTION_ID'],
    ['sendSignal', (v) => v.sendSignal({ type: 'chat', data: 'x'.repeat(8193) }, SESSION), 'ERR_INVALID_SIGNAL'],
    ['sendSignal', (v) => v.sendSignal({ type: 'a b', data: '' }, SESSION), 'ERR_INVALID_SIGNAL'],
    ['sendSignal', (v) => v.sendSignal({ type: 'chat', data: huge }, SESSION), 'ERR_INVALID_OPTIONS'],
    ['sendSignal', (v) => v.sendSignal('hello', SESSION), 'ERR_INVALID_SIGNAL'],
    ['sendSignal', (v) => v.sendSignal({ type: 'chat', data: '' }, SESSION, ''), 'ERR_INVALID_CONNECTION_ID'],
    ['muteStream', (v) => v.muteStream(SESSION, huge), 'ERR_INVALID_STREAM_ID'],
    ['forceMuteAll', (v) => v.forceMuteAll(SESSION, new Array(1001).fill('s')), 'ERR_INVALID_STREAM_ID'],
    ['forceMuteAll', (v) => v.forceMuteAll(SESSION, new Array(1e6).fill('stream')), 'ERR_INVALID_OPTIONS'],
    ['forceMuteAll', (v) => v.forceMuteAll(SESSION, 'stream-1'), 'ERR_INVALID_STREAM_ID'],
    ['forceMuteAll', (v) => v.forceMuteAll(SESSION, [1]), 'ERR_INVALID_STREAM_ID'],
    ['getStreamInfo', (v) => v.getStreamInfo(SESSION, ''), 'ERR_INVALID_STREAM_ID'],
    ['getStreamInfo', (v) => v.getStreamInfo(SESSION, 'x', { timeout: 0 }), 'ERR_INVALID_OPTIONS'],
    ['getStreamInfo', (v) => v.getStreamInfo(SESSION, 'x', { signal: {} }), 'ERR_INVALID_OPTIONS'],
    ['getStreamInfo', (v) => v.getStreamInfo(SESSION, 'x', { retries: 3 }), 'ERR_UNKNOWN_OPTION'],
  ];
  const memory = () => {
    const registry = globalThis[Object.getOwnPropertySymbols(globalThis).find((s) => s.description.startsWith('vonage-video-token@'))];
    return registry.video.wasm.memory.buffer.byteLength;
  };
  await failure(project.getArchive('..'), 'ERR_INVALID_ARCHIVE_ID');
  const steady = memory();
  for (const [name, call, code] of cases) {
    for (const [kind, video] of [['project', project], ['application', application]]) {
      // The project's session names another owner than the application: that is its own error.
      const expected = kind === 'application' && code !== 'ERR_INVALID_SESSION_ID' && call.toString().includes('SESSION') && !/sessionId: 'nope'/.test(call.toString()) ? ['ERR_SESSION_KEY_MISMATCH', code] : [code];
      const promise = call(video);
      ok(promise instanceof Promise, `${name} returns a promise even for bad input`);
      let error;
      try {
        await promise;
      } catch (err) {
        error = err;
      }
      ok(error instanceof TokenError, `${kind} ${name}: ${error}`);
      ok(expected.includes(error.code), `${kind} ${name}: ${error.code} ${error.message}`);
      equal(error.operation, name);
      ok(!error.message.includes(SECRET) && !String(error.stack).includes(SECRET), 'no secret');
    }
  }
  equal(sent, 0, 'nothing was sent');
  equal(memory(), steady, 'the module\'s memory did not grow');
  // APP_SESSION is the application's: with it, the application's calls pass the checks and fetch.
  await rejects(application.getStreamInfo(APP_SESSION), (err) => err.code === 'ERR_API_UNREACHABLE');
  equal(sent, 1);
});

test('the constructor: one kind of credentials, checked; options checked; no credential in any message', () => {
  const throwsCode = (fn, code) => {
    let error;
    try {
      fn();
    } catch (err) {
      error = err;
    }
    ok(error instanceof TokenError, String(error));
    equal(error.code, code, error.message);
    ok(!error.message.includes(SECRET) && !keyLines.some((line) => error.message.includes(line)));
  };
  throwsCode(() => new Video(), 'ERR_INVALID_OPTIONS');
  throwsCode(() => new Video({}), 'ERR_INVALID_OPTIONS');
  throwsCode(() => new Video({ apiKey: KEY, apiSecret: SECRET, applicationId: APP, privateKey }), 'ERR_INVALID_OPTIONS');
  throwsCode(() => new Video({ apiKey: KEY }), 'ERR_INVALID_API_SECRET');
  throwsCode(() => new Video({ apiKey: 'key', apiSecret: SECRET }), 'ERR_INVALID_API_KEY');
  throwsCode(() => new Video({ applicationId: APP, privateKey: vector('rsa-1024.pem') }), 'ERR_INVALID_PRIVATE_KEY');
  throwsCode(() => new Video({ applicationId: SECRET, privateKey }), 'ERR_INVALID_APPLICATION_ID');
  throwsCode(() => new Video({ apiKey: KEY, apiSecret: SECRET, [SECRET]: 1 }), 'ERR_UNKNOWN_OPTION');
  for (const videoHost of ['ftp://x', 'not a url', `https://u:${SECRET}@x`, 'https://x/?q=1', 5]) {
    throwsCode(() => new Video({ apiKey: KEY, apiSecret: SECRET }, { videoHost }), 'ERR_INVALID_OPTIONS');
  }
  for (const timeout of [0, -1, 1.5, 600_001, Number.NaN, '10']) throwsCode(() => new Video({ apiKey: KEY, apiSecret: SECRET }, { timeout }), 'ERR_INVALID_OPTIONS');
  throwsCode(() => new Video({ apiKey: KEY, apiSecret: SECRET }, { fetch: 'fetch' }), 'ERR_INVALID_OPTIONS');
  equal(new Video({ apiKey: Number(KEY), apiSecret: SECRET }).owner, KEY);
  equal(new Video({ applicationId: APP, privateKey }, { videoHost: 'https://example.test/' }).owner, APP);
});

test('the default hosts: the application\'s and the project\'s', async () => {
  const urls = [];
  const fetch = async (url) => {
    urls.push(url);
    return new Response(null, { status: 204 });
  };
  await new Video({ applicationId: APP, privateKey }, { fetch }).disconnectClient(APP_SESSION, 'c');
  await new Video({ apiKey: KEY, apiSecret: SECRET }, { fetch }).disconnectClient(SESSION, 'c');
  deepEqual(urls, [`https://video.api.vonage.com/v2/project/${APP}/session/${APP_SESSION}/connection/c`, `https://api.opentok.com/v2/project/${KEY}/session/${SESSION}/connection/c`]);
});

test('a project client keeps minting after the main module\'s instance is replaced (a call cut off in it)', async () => {
  const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));
  const registry = globalThis[Object.getOwnPropertySymbols(globalThis).find((s) => s.description.startsWith('vonage-video-token@'))];
  const video = new Video({ apiKey: KEY, apiSecret: SECRET });
  const before = await video.generateClientToken(SESSION);
  ok(before.startsWith('eyJ'));
  // Cut off the next mint inside the module, as a RangeError near the stack limit would.
  const module = registry.main;
  const real = module.wasm;
  const wrapped = { ...real, mint: (...args) => {
    real.mint(...args);
    module.wasm = real;
    throw new RangeError('Maximum call stack size exceeded');
  } };
  module.wasm = wrapped;
  const generation = module.generation;
  let thrown;
  try {
    generateToken(KEY, SECRET, SESSION);
  } catch (err) {
    thrown = err;
  }
  ok(thrown instanceof RangeError);
  ok(new TokenGenerator(KEY, SECRET)); // the next call replaces the instance
  ok(module.generation > generation);
  const after = await video.generateClientToken(SESSION, { role: 'subscriber' });
  ok(after.startsWith('eyJ') && after !== before);
});

test('a runtime\'s own fetch passed as the option is called as a plain function', async () => {
  const strict = function (url, init) {
    if (this !== undefined) throw new TypeError('Illegal invocation');
    return fetch(url, init);
  };
  const video = new Video({ apiKey: KEY, apiSecret: SECRET }, { videoHost: running.current.url, fetch: strict });
  const { sessionId } = await video.createSession();
  ok(sessionId.startsWith('1_'));
});
