// Packaging tests: `npm pack` the built package, install the tarball into a scratch project, and
// run the shared suite in every runtime through its own export conditions: Node ESM and CJS, Deno,
// Bun, Vercel's edge-runtime, workerd (wrangler dev: a suite worker, the `browser` entry, and the
// real worker-example), and headless Chromium. Every token a runtime mints is verified here with
// jsonwebtoken (JWT) or node:crypto (T1). Prints one line per runtime and a closing total.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { APP, APP_SESSION, decodeT1, KEY, SECRET, SESSION } from '../js/suite.mjs';
import { startVideoApiStandIn } from '../../scripts/video-api-stand-in.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const root = new URL('../../', import.meta.url);
const work = new URL('.work/', import.meta.url);
const bin = (name) => fileURLToPath(new URL(`node_modules/.bin/${name}`, root));
const execFileAsync = promisify(execFile);
const only = process.env.PACKAGING_RUNTIMES?.split(',');

const outcomes = [];

function prepare() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', fileURLToPath(work), fileURLToPath(new URL('pkg/', root))], { encoding: 'utf8' }).trim().split('\n').pop();
  cpSync(new URL('fixture/', import.meta.url), work, { recursive: true });
  cpSync(new URL('tests/js/suite.mjs', root), new URL('suite.mjs', work));
  cpSync(new URL('tests/js/video-suite.mjs', root), new URL('video-suite.mjs', work));
  const vectors = readFileSync(new URL('tests/vectors/tokens.json', root), 'utf8');
  writeFileSync(new URL('vectors.mjs', work), `export default ${vectors.trim()};\n`);
  const key = (name) => readFileSync(new URL(`tests/vectors/${name}`, root), 'utf8');
  const keys = { privateKey: key('rsa-2048.pem'), pkcs1PrivateKey: key('rsa-2048-pkcs1.pem'), publicKey: key('rsa-2048-public.pem'), smallKey: key('rsa-1024.pem'), ecKey: key('ec-p256.pem') };
  writeFileSync(new URL('keys.mjs', work), `export default ${JSON.stringify(keys)};\n`);
  writeFileSync(new URL('package.json', work), '{ "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--offline', `./${packed}`], { cwd: work, stdio: 'inherit' });
  cpSync(new URL('worker-example/src/', root), new URL('worker-example/src/', work), { recursive: true });
  cpSync(new URL('worker-example/wrangler.toml', root), new URL('worker-example/wrangler.toml', work));
  cpSync(new URL('worker-example/.dev.vars.example', root), new URL('worker-example/.dev.vars', work));
  // The same worker with application credentials (a PKCS#1 key), and with a key it must refuse.
  const devVar = (name, value) => `${name}=${JSON.stringify(value)}\n`;
  for (const [dir, pem] of [['worker-example-application/', keys.pkcs1PrivateKey], ['worker-example-misconfigured/', keys.smallKey]]) {
    cpSync(new URL('worker-example/', work), new URL(dir, work), { recursive: true });
    writeFileSync(new URL(`${dir}.dev.vars`, work), devVar('APPLICATION_ID', APP) + devVar('PRIVATE_KEY', pem));
  }
  console.log(`installed ${packed} into ${fileURLToPath(work)}`);
  return packed;
}

/** Checks a runtime's RESULT: suite counts, and every token it minted verified here. */
function record(result) {
  const tokenFailures = [];
  for (const token of result.tokens ?? []) {
    try {
      if (token.startsWith('T1==')) {
        const { head, data } = decodeT1(token);
        const sig = /&sig=([0-9a-f]{40})$/.exec(head)?.[1];
        if (sig !== createHmac('sha1', SECRET).update(data).digest('hex')) throw new Error('bad T1 signature');
      } else if (jwt.decode(token, { complete: true })?.header.alg === 'RS256') {
        const claims = jwt.verify(token, readFileSync(new URL('tests/vectors/rsa-2048-public.pem', root), 'utf8'), { algorithms: ['RS256'] });
        if (claims.session_id !== APP_SESSION || claims.application_id !== APP) throw new Error('unexpected claims');
      } else {
        const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
        if (claims.session_id !== SESSION || claims.iss !== KEY) throw new Error('unexpected claims');
      }
    } catch (err) {
      tokenFailures.push(`token ${token.slice(0, 40)}…: ${err.message}`);
    }
  }
  const passed = result.passed + (result.tokens?.length ?? 0) - tokenFailures.length;
  const failed = result.failed + tokenFailures.length;
  outcomes.push({ runtime: result.runtime, passed, failed, skipped: result.skipped });
  console.log(`${result.runtime}: ${passed} passed, ${failed} failed, ${result.skipped} skipped${result.note ? ` (${result.note})` : ''}`);
  for (const line of [...result.failures, ...tokenFailures]) console.log(`  ${line.split('\n').slice(0, 8).join('\n  ')}`);
}

function fail(runtime, message) {
  outcomes.push({ runtime, passed: 0, failed: 1, skipped: 0 });
  console.log(`${runtime}: 0 passed, 1 failed\n  ${message}`);
}

function skip(runtime, reason) {
  outcomes.push({ runtime, passed: 0, failed: 0, skipped: 1 });
  console.log(`${runtime}: 0 passed, 0 failed, 1 skipped (SKIP: ${reason})`);
}

function parseResult(runtime, text) {
  const line = text.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`${runtime} printed no RESULT line:\n${text.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length));
}

/** Runs a runtime's process (asynchronously: the REST API stand-in answers it from this one). */
async function runProcess(runtime, cmd, args) {
  try {
    const { stdout: out } = await execFileAsync(cmd, args, { cwd: work, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 26 });
    record(parseResult(runtime, out));
  } catch (err) {
    fail(runtime, `${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`.slice(0, 3000));
  }
}

// Next.js / Vercel turn `import x from './file.wasm?module'` into a compiled WebAssembly.Module;
// this plugin does the same for the edge-runtime bundle.
const wasmModulePlugin = {
  name: 'wasm-module-import',
  setup(b) {
    b.onResolve({ filter: /\.wasm\?module$/ }, (args) => ({
      path: fileURLToPath(new URL(args.path.replace(/\?module$/, ''), `file://${args.resolveDir}/`)),
      namespace: 'wasm-module',
    }));
    b.onLoad({ filter: /.*/, namespace: 'wasm-module' }, (args) => ({
      contents: `const bytes = Uint8Array.from(atob(${JSON.stringify(readFileSync(args.path).toString('base64'))}), (c) => c.charCodeAt(0));\nexport default new WebAssembly.Module(bytes);\n`,
      loader: 'js',
    }));
  },
};

async function edgeRuntime() {
  const runtime = 'edge-runtime';
  try {
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('edge-runtime-entry.mjs', work))], bundle: true, write: false,
      format: 'iife', platform: 'neutral', conditions: ['edge-light'], mainFields: ['module', 'main'],
      plugins: [wasmModulePlugin], logLevel: 'silent',
    });
    const { EdgeRuntime } = await import('edge-runtime');
    const edge = new EdgeRuntime({ initialCode: bundled.outputFiles[0].text });
    const result = await edge.evaluate('globalThis.__result');
    record(JSON.parse(JSON.stringify(result)));
  } catch (err) {
    fail(runtime, err.stack);
  }
}

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function chromium() {
  const runtime = 'chromium';
  let browser = which('chromium') || which('chromium-browser');
  if (!browser && process.getuid?.() === 0) {
    try {
      execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit', timeout: 600_000 });
      browser = which('chromium');
    } catch (err) {
      return skip(runtime, `could not install Debian's chromium: ${err.message.split('\n')[0]}`);
    }
  }
  if (!browser) return skip(runtime, "no chromium binary and not root to install Debian's chromium");
  await build({
    entryPoints: [fileURLToPath(new URL('browser-entry.mjs', work))], bundle: true, format: 'esm',
    platform: 'browser', conditions: ['browser'], outfile: fileURLToPath(new URL('browser-bundle.js', work)), logLevel: 'silent',
  });
  const server = createServer((req, res) => {
    const name = req.url === '/' ? 'index.html' : req.url.slice(1);
    if (!['index.html', 'browser-bundle.js'].includes(name)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript' });
    res.end(readFileSync(new URL(name, work)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profile = fileURLToPath(new URL('chromium-profile/', work));
  try {
    // Asynchronous: the page is served by this very process.
    const { stdout: dom } = await execFileAsync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
      '--dump-dom', `http://127.0.0.1:${server.address().port}/`],
    { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    const text = /<pre id="result">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? dom;
    const decoded = text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    record(parseResult(runtime, decoded));
  } catch (err) {
    fail(runtime, `${err.message}\n${err.stderr ?? ''}`.slice(0, 3000));
  } finally {
    server.close();
  }
}

/** Starts `wrangler dev` for a worker directory; resolves when it answers, with its start-up time. */
async function wranglerDev(dir, port, probe, extraArgs = []) {
  const started = Date.now();
  const child = spawn(bin('wrangler'), ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), ...extraArgs], {
    cwd: fileURLToPath(new URL(dir, work)), stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' },
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`http://127.0.0.1:${port}${probe}`);
      if (response.status < 500) return { stop, readyMs: Date.now() - started, log: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`wrangler dev in ${dir} did not start:\n${log.slice(-3000)}`);
}

async function workerdSuite(dir, port) {
  const server = await wranglerDev(dir, port, '/suite');
  try {
    const result = await (await fetch(`http://127.0.0.1:${port}/suite`)).json();
    result.note = `wrangler dev answered ${server.readyMs} ms after spawn`;
    record(result);
  } finally {
    await server.stop();
  }
}

/** The worker example in workerd, against the REST API stand-in: once per kind of credentials. */
async function workerExample(port) {
  const publicKey = readFileSync(new URL('tests/vectors/rsa-2048-public.pem', root), 'utf8');
  const standIn = await startVideoApiStandIn({ project: { apiKey: KEY, apiSecret: SECRET }, application: { applicationId: APP, publicKey } });
  try {
    await workerExampleProject(port, standIn);
    await workerExampleApplication(port + 1, standIn, publicKey);
    await workerExampleMisconfigured(port + 2);
  } finally {
    await standIn.stop();
  }
}

/** Runs CHECKS(context) against the worker in DIR; records the outcome as RUNTIME. */
async function againstWorker(runtime, dir, port, extraArgs, checks) {
  const server = await wranglerDev(dir, port, '/', extraArgs);
  const failures = [];
  const tokens = [];
  let passed = 0;
  const check = (name, ok, detail = '') => {
    if (ok) passed++;
    else failures.push(`FAIL ${name} ${detail}`);
  };
  const base = `http://127.0.0.1:${port}`;
  const request = async (method, path, body, headers = { 'content-type': 'application/json' }) => {
    const response = await fetch(`${base}${path}`, { method, body, headers: body === undefined ? {} : headers });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = { unparsed: text.slice(0, 300) };
    }
    return { status: response.status, body: json };
  };
  try {
    await checks({ check, tokens, request, get: (query) => request('GET', `/token?${query}`) });
  } catch (err) {
    failures.push(`FAIL ${err.stack}`);
  } finally {
    await server.stop();
  }
  record({ runtime, passed, failed: failures.length, skipped: 0, failures, tokens, note: `wrangler dev answered ${server.readyMs} ms after spawn` });
}

/** POST /session bodies the worker refuses before calling the REST API, with the status each gets. */
const BAD_SESSION_BODIES = [
  ['not json', 400, 'INVALID_BODY'],
  ['[1]', 400, 'INVALID_BODY'],
  ['null', 400, 'INVALID_BODY'],
  ['{"mediaMode":"p2p"}', 400, 'ERR_INVALID_OPTIONS'],
  ['{"archiveMode":"always","mediaMode":"relayed"}', 400, 'ERR_INVALID_OPTIONS'],
  ['{"location":"eu"}', 400, 'ERR_INVALID_OPTIONS'],
  ['{"e2ee":"yes"}', 400, 'ERR_INVALID_OPTIONS'],
  ['{"colour":"red"}', 400, 'ERR_UNKNOWN_OPTION'],
  [JSON.stringify({ location: '1.2.3.4', pad: 'x'.repeat(5000) }), 413, 'BODY_TOO_LARGE'],
  ['x'.repeat(1 << 20), 413, 'BODY_TOO_LARGE'],
];

/**
 * The room server: 50 concurrent first requests for a new room create exactly one session and
 * get 50 tokens for it; later requests reuse it; archives start, stop, read and list through it;
 * bad input gets 400 with a code and never reaches the REST API.
 */
async function roomServer({ check, request, standIn, verify, owner }) {
  const room = `room-${Math.random().toString(36).slice(2, 10)}`;
  const creates = standIn.count('/session/create');
  const first = await Promise.all(Array.from({ length: 50 }, () => request('GET', `/room/${room}`)));
  const sessions = new Set(first.map((r) => r.body.sessionId));
  check('50 concurrent first requests for a new room → 200, one session', first.every((r) => r.status === 200) && sessions.size === 1, JSON.stringify(first.find((r) => r.status !== 200)?.body ?? [...sessions]));
  check('… created by exactly one session/create at the REST API', standIn.count('/session/create') === creates + 1, `${standIn.count('/session/create') - creates} creations`);
  const [sessionId] = sessions;
  let valid = 0;
  for (const r of first) {
    try {
      const claims = verify(r.body.token);
      if (claims.session_id === sessionId && Object.entries(owner).every(([k, v]) => r.body[k] === v)) valid++;
    } catch {
      // counted as invalid
    }
  }
  check('… and 50 valid tokens for that session', valid === 50, `${valid} valid`);
  const again = await request('GET', `/room/${room}?role=moderator&data=seat%3D4`);
  check('a later request: the same session, the options in the token', again.status === 200 && again.body.sessionId === sessionId && verify(again.body.token).role === 'moderator' && standIn.count('/session/create') === creates + 1, JSON.stringify(again.body).slice(0, 200));
  const other = await request('GET', '/room/another-room');
  check('another room → another session', other.status === 200 && other.body.sessionId !== sessionId);

  const started = await request('POST', '/archive/start', JSON.stringify({ sessionId, name: 'standup', hasVideo: false }));
  check('POST /archive/start → 200, the archive', started.status === 200 && started.body.status === 'started' && started.body.sessionId === sessionId && started.body.name === 'standup', JSON.stringify(started.body).slice(0, 300));
  const archiveId = started.body.id;
  const read = await request('GET', `/archive/${archiveId}`);
  check('GET /archive/:id → the archive', read.status === 200 && read.body.id === archiveId);
  const listed = await request('GET', `/archive?sessionId=${encodeURIComponent(sessionId)}`);
  check('GET /archive?sessionId= → { count, items }', listed.status === 200 && listed.body.count === 1 && listed.body.items[0].id === archiveId, JSON.stringify(listed.body).slice(0, 300));
  const twice = await request('POST', '/archive/start', JSON.stringify({ sessionId }));
  check('a second archive of the same session → 409 CONFLICT', twice.status === 409 && twice.body.error?.code === 'CONFLICT', JSON.stringify(twice.body));
  const stopped = await request('POST', `/archive/${archiveId}/stop`);
  check('POST /archive/:id/stop → the stopped archive', stopped.status === 200 && stopped.body.status === 'stopped');
  const missing = await request('GET', '/archive/0b2c-unknown');
  check('an unknown archive → 404', missing.status === 404 && missing.body.error?.code === 'NOT_FOUND', JSON.stringify(missing.body));

  const calls = standIn.requests.length;
  for (const [method, path, body, status, code] of [
    ['GET', '/room/bad%20name', undefined, 400, 'INVALID_ROOM'],
    ['GET', `/room/${'r'.repeat(65)}`, undefined, 400, 'INVALID_ROOM'],
    ['GET', '/room/%E0%A4%A', undefined, 400, 'INVALID_PATH'],
    ['GET', `/room/${room}?colour=red`, undefined, 400, 'ERR_UNKNOWN_OPTION'],
    ['POST', `/room/${room}`, '{}', 405, 'METHOD_NOT_ALLOWED'],
    ['POST', '/archive/start', '{}', 400, 'ERR_INVALID_SESSION_ID'],
    ['POST', '/archive/start', JSON.stringify({ sessionId: 'nope' }), 400, 'ERR_INVALID_SESSION_ID'],
    ['POST', '/archive/start', JSON.stringify({ sessionId: owner.apiKey ? APP_SESSION : SESSION }), 400, 'ERR_SESSION_KEY_MISMATCH'],
    ['POST', '/archive/start', JSON.stringify({ sessionId, resolution: '4k' }), 400, 'ERR_INVALID_OPTIONS'],
    ['POST', '/archive/start', JSON.stringify({ sessionId, colour: 'red' }), 400, 'ERR_UNKNOWN_OPTION'],
    ['POST', '/archive/start', JSON.stringify({ sessionId, name: 'x'.repeat(5000) }), 413, 'BODY_TOO_LARGE'],
    ['POST', '/archive/start', 'not json', 400, 'INVALID_BODY'],
    ['POST', '/archive/a%2Fb/stop', undefined, 400, 'ERR_INVALID_ARCHIVE_ID'],
    ['GET', `/archive/${'a'.repeat(129)}`, undefined, 400, 'ERR_INVALID_ARCHIVE_ID'],
    ['GET', '/archive?count=5000', undefined, 400, 'ERR_INVALID_OPTIONS'],
    ['GET', '/archive?offset=-1', undefined, 400, 'ERR_INVALID_OPTIONS'],
    ['GET', '/archive?order=desc', undefined, 400, 'ERR_UNKNOWN_OPTION'],
    ['DELETE', `/archive/${archiveId}`, undefined, 405, 'METHOD_NOT_ALLOWED'],
  ]) {
    const r = await request(method, path, body);
    check(`${method} ${path.slice(0, 50)} → ${status} ${code}`, r.status === status && r.body.error?.code === code && typeof r.body.error.message === 'string', `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  check('refused requests never reach the REST API', standIn.requests.length === calls, `${standIn.requests.length - calls} calls`);
  standIn.failNext(503, { message: 'busy' }, { 'retry-after': '9' });
  const busy = await request('GET', '/archive');
  check('the REST API asks to wait → 503 UPSTREAM_BUSY', busy.status === 503 && busy.body.error?.code === 'UPSTREAM_BUSY', JSON.stringify(busy.body));
}

async function workerExampleProject(port, standIn) {
  await againstWorker('workerd-worker-example (project credentials)', 'worker-example/', port, ['--var', `VIDEO_API_URL:${standIn.url}`], async ({ check, tokens, request, get }) => {
    const ok = await get(`sessionId=${SESSION}&role=moderator&data=${encodeURIComponent('name=Jo é')}&initialLayoutClassList=focus&initialLayoutClassList=main`);
    check('valid request → 200', ok.status === 200, JSON.stringify(ok.body));
    check('body has apiKey and sessionId', ok.body.apiKey === KEY && ok.body.sessionId === SESSION);
    tokens.push(ok.body.token);
    const claims = jwt.decode(ok.body.token);
    check('options reach the token', claims?.role === 'moderator' && claims.connection_data === 'name=Jo é' && claims.initial_layout_class_list === 'focus main', JSON.stringify(claims));
    const t1 = await get(`sessionId=${SESSION}&tokenType=T1&expireTime=${Math.floor(Date.now() / 1000) + 600}`);
    check('T1 → 200', t1.status === 200);
    tokens.push(t1.body.token);
    const bad = [
      ['', 'ERR_INVALID_SESSION_ID'],
      ['sessionId=nope', 'ERR_INVALID_SESSION_ID'],
      ['sessionId=1_MX42NTQzMjF-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4', 'ERR_SESSION_KEY_MISMATCH'],
      [`sessionId=${APP_SESSION}`, 'ERR_SESSION_KEY_MISMATCH'],
      [`sessionId=${SESSION}&role=admin`, 'ERR_INVALID_ROLE'],
      [`sessionId=${SESSION}&expireTime=${Date.now()}`, 'ERR_INVALID_EXPIRE_TIME'],
      [`sessionId=${SESSION}&expireTime=soon`, 'ERR_INVALID_EXPIRE_TIME'],
      [`sessionId=${SESSION}&data=${'x'.repeat(1001)}`, 'ERR_INVALID_DATA'],
      [`sessionId=${SESSION}&tokenType=T2`, 'ERR_INVALID_TOKEN_TYPE'],
      [`sessionId=${SESSION}&expire_time=1`, 'ERR_UNKNOWN_OPTION'],
      [`sessionId=${SESSION}&role=a&role=b`, 'ERR_INVALID_OPTIONS'],
      ['sessionId=%ED%A0%80', 'ERR_INVALID_SESSION_ID'],
      [`sessionId=${'1'.repeat(5000)}`, 'ERR_INVALID_SESSION_ID'],
    ];
    for (const [query, code] of bad) {
      const r = await get(query);
      check(`bad input ${query.slice(0, 60)} → 400 ${code}`, r.status === 400 && r.body.error?.code === code && typeof r.body.error.message === 'string' && !JSON.stringify(r.body).includes(SECRET), `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }

    // POST /session: the REST API stand-in checks the X-OPENTOK-AUTH token and the form.
    const before = standIn.requests.length;
    const created = await request('POST', '/session');
    const seen = standIn.requests.at(-1);
    check('POST /session → 200 with a new session of this project', created.status === 200 && typeof created.body.sessionId === 'string' && created.body.apiKey === KEY && created.body.mediaMode === 'routed' && created.body.archiveMode === 'manual', JSON.stringify(created.body));
    check('the REST API saw one request: project auth, 300 s token, opentok\'s default form', standIn.requests.length === before + 1 && seen.auth?.kind === 'project' && seen.auth.claims.exp - seen.auth.claims.iat === 300 && seen.form?.archiveMode === 'manual' && seen.form['p2p.preference'] === 'disabled' && seen.sessionId === created.body.sessionId, JSON.stringify(seen?.auth ?? seen));
    const relayed = await request('POST', '/session', '{"mediaMode":"relayed","location":"10.1.2.3"}');
    check('mediaMode and location reach the REST API', relayed.status === 200 && relayed.body.mediaMode === 'relayed' && standIn.requests.at(-1).form['p2p.preference'] === 'enabled' && standIn.requests.at(-1).form.location === '10.1.2.3', JSON.stringify(relayed.body));
    const always = await request('POST', '/session', '{"archiveMode":"always"}');
    check('archiveMode always → 200', always.status === 200 && always.body.archiveMode === 'always' && standIn.requests.at(-1).form.archiveMode === 'always', JSON.stringify(always.body));
    const minted = await get(`sessionId=${encodeURIComponent(created.body.sessionId)}&role=publisher`);
    const verified = minted.status === 200 ? jwt.verify(minted.body.token, SECRET, { algorithms: ['HS256'] }) : undefined;
    check('GET /token for the created session → a token that verifies for it', verified?.session_id === created.body.sessionId && verified.iss === KEY && verified.role === 'publisher', JSON.stringify(minted.body));
    const calls = standIn.requests.length;
    for (const [body, status, code] of BAD_SESSION_BODIES) {
      const r = await request('POST', '/session', body);
      check(`POST /session ${body.slice(0, 40)} → ${status} ${code}`, r.status === status && r.body.error?.code === code, `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    check('refused bodies never reach the REST API', standIn.requests.length === calls, `${standIn.requests.length - calls} calls`);
    standIn.failNext(403, { code: -1, message: 'Invalid token format' });
    const upstream = await request('POST', '/session');
    check('a REST API failure → 502 UPSTREAM_ERROR with its status', upstream.status === 502 && upstream.body.error?.code === 'UPSTREAM_ERROR' && upstream.body.error.message.includes('403'), JSON.stringify(upstream.body));
    standIn.failNext(200, { sessions: [] });
    const shapeless = await request('POST', '/session');
    check('an answer without session_id → 502', shapeless.status === 502 && shapeless.body.error?.code === 'UPSTREAM_ERROR', JSON.stringify(shapeless.body));
    const method = await request('GET', '/session');
    check('GET /session → 405', method.status === 405 && method.body.error?.code === 'METHOD_NOT_ALLOWED');

    await roomServer({ check, request, standIn, verify: (token) => jwt.verify(token, SECRET, { algorithms: ['HS256'] }), owner: { apiKey: KEY } });

    // Thousands of requests against one isolate: every one must still mint.
    const nonces = new Set();
    let served = 0;
    for (let batch = 0; batch < 40; batch++) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => get(`sessionId=${SESSION}`)));
      for (const r of responses) {
        if (r.status === 200) {
          served++;
          nonces.add(jwt.verify(r.body.token, SECRET, { algorithms: ['HS256'] }).nonce);
        }
      }
      await get('sessionId=nope');
    }
    check('2000 requests in one isolate all minted, nonces unique', served === 2000 && nonces.size === 2000, `${served} served, ${nonces.size} unique`);
  });
}

async function workerExampleApplication(port, standIn, publicKey) {
  await againstWorker('workerd-worker-example (application credentials, PKCS#1 key)', 'worker-example-application/', port, ['--var', `VIDEO_API_URL:${standIn.url}`], async ({ check, request, get }) => {
    const created = await request('POST', '/session', '{"mediaMode":"routed","archiveMode":"always"}');
    const seen = standIn.requests.at(-1);
    check('POST /session → 200 with a new session of this application', created.status === 200 && created.body.applicationId === APP && created.body.archiveMode === 'always', JSON.stringify(created.body));
    check('the REST API saw a Bearer application JWT of 900 s and the form', seen.auth?.kind === 'application' && seen.auth.claims.exp - seen.auth.claims.iat === 900 && seen.form?.archiveMode === 'always' && seen.sessionId === created.body.sessionId, JSON.stringify(seen?.auth ?? seen));
    const sessionId = created.body.sessionId;
    const minted = await get(`sessionId=${encodeURIComponent(sessionId)}&role=moderator&data=${encodeURIComponent('name=Jo é')}&initialLayoutClassList=focus`);
    let claims;
    try {
      claims = jwt.verify(minted.body.token, publicKey, { algorithms: ['RS256'] });
    } catch (err) {
      claims = { error: err.message };
    }
    check('GET /token → an RS256 token that verifies with the public key', minted.status === 200 && minted.body.applicationId === APP && claims.session_id === sessionId && claims.application_id === APP && claims.role === 'moderator' && claims.connection_data === 'name=Jo é' && claims.initial_layout_class_list === 'focus' && claims.scope === 'session.connect', JSON.stringify(claims));
    const bad = [
      [`sessionId=${SESSION}`, 'ERR_SESSION_KEY_MISMATCH'],
      [`sessionId=${encodeURIComponent(sessionId)}&tokenType=T1`, 'ERR_INVALID_TOKEN_TYPE'],
      [`sessionId=${encodeURIComponent(sessionId)}&expireTime=1`, 'ERR_INVALID_EXPIRE_TIME'],
      [`sessionId=${encodeURIComponent(sessionId)}&role=root`, 'ERR_INVALID_ROLE'],
      [`sessionId=${'2'.repeat(5000)}`, 'ERR_INVALID_SESSION_ID'],
    ];
    for (const [query, code] of bad) {
      const r = await get(query);
      check(`bad input ${query.slice(0, 60)} → 400 ${code}`, r.status === 400 && r.body.error?.code === code && !JSON.stringify(r.body).includes('PRIVATE KEY'), `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    await roomServer({ check, request, standIn, verify: (token) => jwt.verify(token, publicKey, { algorithms: ['RS256'] }), owner: { applicationId: APP } });

    // Concurrent requests share the isolate's generator (one key import).
    const jtis = new Set();
    let served = 0;
    for (let batch = 0; batch < 4; batch++) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => get(`sessionId=${encodeURIComponent(sessionId)}`)));
      for (const r of responses) {
        if (r.status !== 200) continue;
        served++;
        jtis.add(jwt.verify(r.body.token, publicKey, { algorithms: ['RS256'] }).jti);
      }
    }
    check('200 concurrent requests all minted RS256 tokens, jti unique', served === 200 && jtis.size === 200, `${served} served, ${jtis.size} unique`);
  });
}

/** A worker whose secrets are wrong answers 500 without describing or echoing them. */
async function workerExampleMisconfigured(port) {
  const smallKey = readFileSync(new URL('tests/vectors/rsa-1024.pem', root), 'utf8');
  await againstWorker('workerd-worker-example (misconfigured: 1024-bit key)', 'worker-example-misconfigured/', port, [], async ({ check, request, get }) => {
    for (const r of [await get(`sessionId=${APP_SESSION}`), await request('POST', '/session'), await request('GET', '/room/standup'), await request('GET', '/archive/a1')]) {
      const text = JSON.stringify(r.body);
      check('→ 500 SERVER_MISCONFIGURED', r.status === 500 && r.body.error?.code === 'SERVER_MISCONFIGURED', text.slice(0, 200));
      check('the answer carries no part of the key', !smallKey.split('\n').slice(1, -2).some((line) => line.length > 8 && text.includes(line)) && !text.includes('1024'), text.slice(0, 200));
    }
  });
}

function typeTest() {
  const dir = new URL('types/', work);
  cpSync(new URL('tests/types/', root), dir, { recursive: true });
  // With an ES2022 lib (no Symbol.dispose of its own), with esnext, and without the DOM lib (no
  // CryptoKey, no fetch types: the declarations must not need them).
  for (const config of ['tsconfig.json', 'tsconfig.esnext.json', 'tsconfig.no-dom.json']) {
    const runtime = `types (tsc --noEmit -p ${config}, ESM and CJS usage)`;
    try {
      execFileSync(bin('tsc'), ['-p', config], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      record({ runtime, passed: 1, failed: 0, skipped: 0, failures: [] });
    } catch (err) {
      fail(runtime, `${err.stdout}${err.stderr}`);
    }
  }
}

// publint findings accepted on purpose, each with the reason (none today: every finding fails).
const ACCEPTED_PUBLINT = [];

async function packageShape(tarball) {
  const failures = [];
  let passed = 0;
  const { publint } = await import('publint');
  const { messages } = await publint({ pkgDir: fileURLToPath(new URL('pkg/', root)), level: 'suggestion' });
  for (const m of messages) {
    const accepted = ACCEPTED_PUBLINT.find((a) => a.code === m.code && a.path === m.path.join(','));
    if (accepted) console.log(`  publint ${m.type} ${m.code} at ${m.path.join('.')}: accepted — ${accepted.reason}`);
    else failures.push(`FAIL publint ${m.type} ${m.code} at ${m.path.join('.')} ${JSON.stringify(m.args)}`);
  }
  if (!failures.length) passed++;
  const attw = JSON.parse(execFileSync(bin('attw'), [fileURLToPath(new URL(tarball, work)), '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/^[^{]*/, ''));
  const problems = attw.problems ?? [];
  if (problems.length) failures.push(`FAIL attw: ${JSON.stringify(problems).slice(0, 1000)}`);
  else passed++;
  const entrypoints = Object.keys(attw.analysis.entrypoints);
  if (entrypoints.join() !== '.,./vonage,./verify,./testing,./video,./package.json') failures.push(`FAIL unexpected entrypoints ${entrypoints}`);
  else passed++;
  record({ runtime: 'package shape (publint, arethetypeswrong)', passed, failed: failures.length, skipped: 0, failures });
}

/** The installed `bin`, as `npx vonage-video-token` runs it: mint, then verify, in a fresh project. */
function installedCli() {
  const runtime = 'cli (installed bin)';
  const cli = fileURLToPath(new URL('node_modules/.bin/vonage-video-token', work));
  const env = { ...process.env, VONAGE_API_KEY: KEY, VONAGE_API_SECRET: SECRET };
  try {
    const token = execFileSync(cli, ['token', '--session-id', SESSION, '--role', 'moderator'], { cwd: work, env, encoding: 'utf8' }).trim();
    const verified = JSON.parse(execFileSync(cli, ['verify', token, '--session-id', SESSION, '--json'], { cwd: work, env, encoding: 'utf8' }));
    if (verified.valid !== true || verified.claims.role !== 'moderator') throw new Error(`unexpected verify output ${JSON.stringify(verified)}`);
    record({ runtime, passed: 1, failed: 0, skipped: 0, failures: [], tokens: [token] });
  } catch (err) {
    fail(runtime, `${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

const runtimes = {
  cli: installedCli,
  'node-esm': () => runProcess('node-esm', process.execPath, ['main.mjs']),
  'node-cjs': () => runProcess('node-cjs', process.execPath, ['main.cjs']),
  'node-load-guard': () => runProcess('node-load-guard', process.execPath, ['load-guard.mjs']),
  deno: () => runProcess('deno', bin('deno'), ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', 'main.mjs']),
  'deno-load-guard': () => runProcess('deno-load-guard', bin('deno'), ['run', '--quiet', '--no-prompt', 'load-guard.mjs']),
  bun: () => runProcess('bun', bin('bun'), ['main.mjs']),
  'bun-load-guard': () => runProcess('bun-load-guard', bin('bun'), ['load-guard.mjs']),
  'edge-runtime': edgeRuntime,
  workerd: () => workerdSuite('workerd-suite/', 8811).catch((err) => fail('workerd', err.stack)),
  'workerd-browser-entry': () => workerdSuite('workerd-browser/', 8812).catch((err) => fail('workerd-browser-entry', err.stack)),
  'workerd-worker-example': () => workerExample(8813).catch((err) => fail('workerd-worker-example', err.stack)),
  chromium,
  types: typeTest,
  'package-shape': () => packageShape(tarball).catch((err) => fail('package-shape', err.stack)),
};

const tarball = prepare();
// The REST API stand-in the video entry's cases call, in every server runtime.
const videoStandIn = await startVideoApiStandIn({
  project: { apiKey: KEY, apiSecret: SECRET },
  application: { applicationId: APP, publicKey: readFileSync(new URL('tests/vectors/rsa-2048-public.pem', root), 'utf8') },
});
writeFileSync(new URL('stand-in.mjs', work), `export default ${JSON.stringify(videoStandIn.url)};\n`);
try {
  for (const [name, run] of Object.entries(runtimes)) {
    if (only && !only.includes(name)) continue;
    console.log(`\n== ${name}`);
    await run();
  }
} finally {
  await videoStandIn.stop();
}
const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\npackaging: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed === 0 ? 0 : 1;
