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
import { decodeT1, KEY, SECRET, SESSION } from '../js/suite.mjs';

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
  const vectors = readFileSync(new URL('tests/vectors/tokens.json', root), 'utf8');
  writeFileSync(new URL('vectors.mjs', work), `export default ${vectors.trim()};\n`);
  writeFileSync(new URL('package.json', work), '{ "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--offline', `./${packed}`], { cwd: work, stdio: 'inherit' });
  cpSync(new URL('worker-example/src/', root), new URL('worker-example/src/', work), { recursive: true });
  cpSync(new URL('worker-example/wrangler.toml', root), new URL('worker-example/wrangler.toml', work));
  cpSync(new URL('worker-example/.dev.vars.example', root), new URL('worker-example/.dev.vars', work));
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

function runProcess(runtime, cmd, args) {
  try {
    const out = execFileSync(cmd, args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
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
    const result = edge.evaluate('globalThis.__result');
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
async function wranglerDev(dir, port, probe) {
  const started = Date.now();
  const child = spawn(bin('wrangler'), ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port)], {
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

async function workerExample(port) {
  const runtime = 'workerd-worker-example';
  const base = `http://127.0.0.1:${port}`;
  const server = await wranglerDev('worker-example/', port, '/');
  const failures = [];
  const tokens = [];
  let passed = 0;
  const check = (name, ok, detail = '') => {
    if (ok) passed++;
    else failures.push(`FAIL ${name} ${detail}`);
  };
  try {
    const get = async (query) => {
      const response = await fetch(`${base}/token?${query}`);
      return { status: response.status, body: await response.json() };
    };
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
      [`sessionId=${SESSION}&role=admin`, 'ERR_INVALID_ROLE'],
      [`sessionId=${SESSION}&expireTime=${Date.now()}`, 'ERR_INVALID_EXPIRE_TIME'],
      [`sessionId=${SESSION}&expireTime=soon`, 'ERR_INVALID_EXPIRE_TIME'],
      [`sessionId=${SESSION}&data=${'x'.repeat(1001)}`, 'ERR_INVALID_DATA'],
      [`sessionId=${SESSION}&tokenType=T2`, 'ERR_INVALID_TOKEN_TYPE'],
      [`sessionId=${SESSION}&expire_time=1`, 'ERR_UNKNOWN_OPTION'],
      [`sessionId=${SESSION}&role=a&role=b`, 'ERR_INVALID_OPTIONS'],
      ['sessionId=%ED%A0%80', 'ERR_INVALID_SESSION_ID'],
    ];
    for (const [query, code] of bad) {
      const r = await get(query);
      check(`bad input ${query.slice(0, 60)} → 400 ${code}`, r.status === 400 && r.body.error?.code === code && typeof r.body.error.message === 'string' && !JSON.stringify(r.body).includes(SECRET), `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
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
      await get(`sessionId=nope`);
    }
    check('2000 requests in one isolate all minted, nonces unique', served === 2000 && nonces.size === 2000, `${served} served, ${nonces.size} unique`);
  } catch (err) {
    failures.push(`FAIL ${err.stack}`);
  } finally {
    await server.stop();
  }
  record({ runtime, passed, failed: failures.length, skipped: 0, failures, tokens, note: `wrangler dev answered ${server.readyMs} ms after spawn` });
}

function typeTest() {
  const dir = new URL('types/', work);
  cpSync(new URL('tests/types/', root), dir, { recursive: true });
  // Once with an ES2022 lib (no Symbol.dispose of its own), once with esnext.
  for (const config of ['tsconfig.json', 'tsconfig.esnext.json']) {
    const runtime = `types (tsc --noEmit -p ${config}, ESM and CJS usage)`;
    try {
      execFileSync(bin('tsc'), ['-p', config], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      record({ runtime, passed: 1, failed: 0, skipped: 0, failures: [] });
    } catch (err) {
      fail(runtime, `${err.stdout}${err.stderr}`);
    }
  }
}

// publint findings accepted on purpose, each with the reason.
const ACCEPTED_PUBLINT = [
  {
    code: 'EXPORTS_TYPES_INVALID_FORMAT',
    path: 'exports,.,types,require',
    reason: 'publint resolves require() with only the "browser" condition to inline.js (ESM) and then expects ESM types; '
      + 'Node and bundlers that require() get node.cjs with the CJS types, and the package has no default export, so the interop ambiguity it warns about cannot arise',
  },
];

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
  if (entrypoints.join() !== '.,./testing,./package.json') failures.push(`FAIL unexpected entrypoints ${entrypoints}`);
  else passed++;
  record({ runtime: 'package shape (publint, arethetypeswrong)', passed, failed: failures.length, skipped: 0, failures });
}

const runtimes = {
  'node-esm': () => runProcess('node-esm', process.execPath, ['main.mjs']),
  'node-cjs': () => runProcess('node-cjs', process.execPath, ['main.cjs']),
  'node-load-guard': () => runProcess('node-load-guard', process.execPath, ['load-guard.mjs']),
  deno: () => runProcess('deno', bin('deno'), ['run', '--quiet', '--no-prompt', 'main.mjs']),
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
for (const [name, run] of Object.entries(runtimes)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  await run();
}
const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\npackaging: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed === 0 ? 0 : 1;
