// The package inside the tools people import it through, each with its defaults and no
// configuration for this package: webpack 5 (target node), esbuild (platform node, ESM and
// CommonJS), Vite SSR (ssr.noExternal), Rollup (node-resolve with the node condition, commonjs),
// and a Next.js app (a Node route handler, an edge route handler and a server-rendered page)
// built with Turbopack and with webpack and served by `next start`. Every bundle runs from a
// directory away from any node_modules; the Next app is served with the package removed from
// its node_modules. Tokens are verified with jsonwebtoken, the fixed-clock one byte for byte.
// Versions come from the repository's lockfile. Prints one line per setup and a closing total.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP, APP_SESSION } from '../js/suite.mjs';
import { startVideoApiStandIn } from '../../scripts/video-api-stand-in.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const root = new URL('../../', import.meta.url);
const work = fileURLToPath(new URL('.work/', import.meta.url));
const fixture = fileURLToPath(new URL('fixture/', import.meta.url));
const only = process.env.FRAMEWORKS?.split(',');

const KEY = '123456';
const SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const vectors = JSON.parse(readFileSync(new URL('tests/vectors/tokens.json', root), 'utf8'));
const FIXED_TOKEN = vectors.tokens.find((v) => v.name === 'opentok-node 2.23.2 JWT default (TOKEN_FORMATS 5.3)').token;
// Application credentials: the test key pair (the application and its session are the suite's).
const PRIVATE_KEY = readFileSync(new URL('tests/vectors/rsa-2048.pem', root), 'utf8');
const PUBLIC_KEY = readFileSync(new URL('tests/vectors/rsa-2048-public.pem', root), 'utf8');
const KEYS = { APP, APP_SESSION, PRIVATE_KEY };

/** Writes the application credentials as a module into DIR, as NAME (ESM, or CommonJS for .cjs). */
function writeKeys(dir, name) {
  const body = Object.entries(KEYS).map(([k, v]) => (name.endsWith('.cjs') ? `exports.${k} = ${JSON.stringify(v)};` : `export const ${k} = ${JSON.stringify(v)};`));
  writeFileSync(join(dir, name), `${body.join('\n')}\n`);
}

const outcomes = [];
function record(setup, failures, detail = '') {
  outcomes.push(failures.length === 0);
  console.log(`${setup}: ${failures.length ? 0 : 1} passed, ${failures.length ? 1 : 0} failed${detail ? ` (${detail})` : ''}`);
  for (const failure of failures) console.log(`  ${String(failure).split('\n').slice(0, 12).join('\n  ')}`);
}

/** Problems with a token minted by the package in some setup, or none. */
function checkToken(token, data) {
  try {
    const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
    const problems = [];
    if (claims.iss !== KEY || claims.session_id !== SESSION) problems.push(`wrong iss or session_id: ${JSON.stringify(claims)}`);
    if (data !== undefined && claims.connection_data !== data) problems.push(`connection_data ${claims.connection_data} instead of ${data}`);
    return problems;
  } catch (err) {
    return [`token ${String(token).slice(0, 60)}… does not verify: ${err.message}`];
  }
}

/** Problems with an RS256 client token minted in some setup, or none. */
function checkClientToken(token, data) {
  try {
    const claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
    const problems = [];
    if (claims.application_id !== APP || claims.session_id !== APP_SESSION) problems.push(`wrong application_id or session_id: ${JSON.stringify(claims)}`);
    if (claims.connection_data !== data) problems.push(`connection_data ${claims.connection_data} instead of ${data}`);
    return problems;
  } catch (err) {
    return [`client token ${String(token).slice(0, 60)}… does not verify: ${err.message}`];
  }
}

/** The video route's answer: for each kind of credentials, a session the stand-in created for them and a token for it. */
function checkRooms(rooms, standIn) {
  const problems = [];
  const created = standIn.requests.filter((r) => r.pathname === '/session/create' && r.status === 200);
  if (!Array.isArray(rooms) || rooms.length !== 2) return [`unexpected answer ${JSON.stringify(rooms).slice(0, 300)}`];
  for (const [i, { sessionId, token }] of rooms.entries()) {
    const kind = i === 0 ? 'project' : 'application';
    if (!created.some((r) => r.sessionId === sessionId && r.auth.kind === kind)) problems.push(`the stand-in did not create ${sessionId} for the ${kind}`);
    try {
      const claims = i === 0 ? jwt.verify(token, SECRET, { algorithms: ['HS256'] }) : jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
      if (claims.session_id !== sessionId || claims.connection_data !== 'edge video route') problems.push(`claims ${JSON.stringify(claims)}`);
    } catch (err) {
      problems.push(`the ${kind}'s token does not verify: ${err.message}`);
    }
  }
  return problems;
}

function version(name) {
  return JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;
}

function bytes(path) {
  return statSync(path).isDirectory() ? readdirSync(path).reduce((n, name) => n + bytes(join(path, name)), 0) : statSync(path).size;
}

function pack() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work, fileURLToPath(new URL('pkg/', root))], { encoding: 'utf8' }).trim().split('\n').pop();
  return join(work, name);
}

function install(dir, args) {
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Problems with what an app using every entry returned (fixture/bundlers/entry.mjs), or none. */
function resultFailures({ token, fixed, rest, client, read }) {
  const failures = [...checkToken(token, 'bundled'), ...checkClientToken(client, 'bundled')];
  if (fixed !== FIXED_TOKEN) failures.push(`fixed-clock token differs:\n  got  ${fixed}\n  want ${FIXED_TOKEN}`);
  try {
    const claims = jwt.verify(rest, SECRET, { algorithms: ['HS256'] });
    if (claims.iss !== KEY || claims.ist !== 'project') failures.push(`REST token claims ${JSON.stringify(claims)}`);
  } catch (err) {
    failures.push(`REST token does not verify: ${err.message}`);
  }
  if (read?.role !== 'moderator' || read.verified !== 'bundled') failures.push(`read back ${JSON.stringify(read)}`);
  return failures;
}

/** Copies a bundle's output far from any node_modules, runs `main` there (with Node, or `runtime`) and checks what it printed. */
function runBundle(setup, outDir, main, seconds, runtime = process.execPath) {
  const away = mkdtempSync(join(tmpdir(), 'vvt-bundle-'));
  try {
    cpSync(outDir, away, { recursive: true });
    const out = execFileSync(runtime, [join(away, main)], { cwd: away, encoding: 'utf8', timeout: 60_000 });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) return record(setup, [`printed no RESULT line: ${out.slice(-500)}`]);
    record(setup, resultFailures(JSON.parse(line.slice(7))), `built in ${seconds.toFixed(1)} s, ${bytes(outDir)} B, run from ${away}`);
  } catch (err) {
    record(setup, [`${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`]);
  } finally {
    rmSync(away, { recursive: true, force: true });
  }
}

async function timed(build) {
  const start = performance.now();
  await build();
  return (performance.now() - start) / 1000;
}

const BUNDLERS = {
  // A file tracer, as Vercel functions, Nitro's Node presets and Next's standalone output use one:
  // the files it finds from an app that uses every entry, and only those, copied away and run.
  // With nft's default conditions (node, then import or require), and with `module` added (what
  // Rollup's node-resolve, and so Nitro, always resolves with).
  async nft(dir) {
    const { nodeFileTrace } = await import('@vercel/nft');
    for (const conditions of [undefined, ['node', 'module']]) {
      for (const entry of ['entry.mjs', 'entry.cjs']) {
        const out = join(dir, 'out', `nft-${conditions ? conditions.join('-') : 'default'}-${entry}`);
        let files;
        const seconds = await timed(async () => {
          ({ fileList: files } = await nodeFileTrace([join(dir, entry)], { base: dir, ...(conditions && { conditions }) }));
        });
        for (const file of files) cpSync(join(dir, file), join(out, file), { dereference: true });
        const traced = [...files].filter((file) => file.includes('vonage-video-token/')).map((file) => file.replace(/^.*vonage-video-token\//, '')).sort();
        runBundle(`@vercel/nft ${version('@vercel/nft')} trace (${conditions ? conditions.join(', ') : 'default conditions'}; ${entry}): ${traced.join(' ')}`, out, entry, seconds);
      }
    }
  },
  // Bun's bundler resolves with bun, node, import or require (and development), follows only
  // static loads, and its output is run by itself: by Bun (--target=bun) or Node (--target=node).
  async 'bun-build'(dir) {
    const bun = fileURLToPath(new URL('node_modules/.bin/bun', root));
    for (const target of ['bun', 'node']) {
      for (const [entry, format, main] of [['entry.mjs', 'esm', 'main.mjs'], ['entry.cjs', 'cjs', 'main.cjs']]) {
        const out = join(dir, 'out', `bun-${target}-${format}`);
        const seconds = await timed(() => execFileSync(bun, ['build', join(dir, entry), `--target=${target}`, `--format=${format}`, `--outfile=${join(out, main)}`], { stdio: ['ignore', 'ignore', 'pipe'] }));
        runBundle(`bun build ${version('bun')} --target=${target} --format=${format}`, out, main, seconds, target === 'bun' ? bun : process.execPath);
      }
    }
  },
  async webpack(dir) {
    const webpack = require('webpack');
    for (const entry of ['entry.mjs', 'entry.cjs']) {
      const out = join(dir, 'out', `webpack-${entry}`);
      const seconds = await timed(() => new Promise((resolve, reject) => {
        webpack({ mode: 'production', target: 'node', context: dir, entry: `./${entry}`, output: { path: out, filename: 'main.js' } }, (err, stats) => {
          if (err || stats.hasErrors()) reject(err ?? new Error(stats.toString('errors-only')));
          else resolve();
        });
      }));
      runBundle(`webpack ${version('webpack')} target node (${entry})`, out, 'main.js', seconds);
    }
  },
  async esbuild(dir) {
    const { build } = await import('esbuild');
    for (const [entry, format, main] of [['entry.mjs', 'esm', 'main.mjs'], ['entry.cjs', 'cjs', 'main.cjs']]) {
      const out = join(dir, 'out', `esbuild-${format}`);
      const seconds = await timed(() => build({ entryPoints: [join(dir, entry)], bundle: true, platform: 'node', format, outfile: join(out, main), logLevel: 'error' }));
      runBundle(`esbuild ${version('esbuild')} --platform=node --format=${format}`, out, main, seconds);
    }
  },
  async vite(dir) {
    const { build } = await import('vite');
    const out = join(dir, 'out', 'vite');
    const seconds = await timed(() => build({ root: dir, configFile: false, logLevel: 'error', ssr: { noExternal: true }, build: { ssr: join(dir, 'entry.mjs'), outDir: out, emptyOutDir: true } }));
    runBundle(`Vite ${version('vite')} SSR, ssr.noExternal`, out, 'entry.js', seconds);
  },
  async rollup(dir) {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const commonjs = (await import('@rollup/plugin-commonjs')).default;
    for (const [entry, format, main] of [['entry.mjs', 'es', 'main.mjs'], ['entry.cjs', 'cjs', 'main.cjs']]) {
      const out = join(dir, 'out', `rollup-${format}`);
      const seconds = await timed(async () => {
        const bundle = await rollup({ input: join(dir, entry), plugins: [nodeResolve({ exportConditions: ['node'] }), commonjs()], logLevel: 'silent' });
        await bundle.write({ dir: out, format, entryFileNames: main, inlineDynamicImports: true });
        await bundle.close();
      });
      runBundle(`Rollup ${version('rollup')} node-resolve (node) + commonjs, ${format}`, out, main, seconds);
    }
  },
};

async function bundlers(tarball) {
  const dir = join(work, 'bundlers');
  cpSync(join(fixture, 'bundlers'), dir, { recursive: true });
  writeKeys(dir, 'keys.mjs');
  writeKeys(dir, 'keys.cjs');
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  install(dir, ['--no-save', '--no-package-lock', tarball]);
  for (const [name, run] of Object.entries(BUNDLERS)) {
    if (only && !only.includes(name)) continue;
    try {
      await run(dir);
    } catch (err) {
      record(name, [err.stack]);
    }
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function serveNext(dir, bundler, standalone) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...(standalone && { NEXT_OUTPUT: 'standalone' }) };
  const next = join(dir, 'node_modules', '.bin', 'next');
  const label = `Next.js ${version('next')} (${bundler}${standalone ? ', standalone output' : ''})`;
  rmSync(join(dir, '.next'), { recursive: true, force: true });
  const start = performance.now();
  try {
    execFileSync(next, ['build', ...(bundler === 'webpack' ? ['--webpack'] : [])], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  } catch (err) {
    return record(`${label}: next build`, [`${err.stdout ?? ''}${err.stderr ?? ''}`.slice(-3000)]);
  }
  const seconds = (performance.now() - start) / 1000;
  // Served without the package in node_modules: what runs is what the build bundled. The
  // standalone output is copied away and served by its own server.js, with what nft traced.
  const installed = join(dir, 'node_modules', 'vonage-video-token');
  const aside = join(work, 'vonage-video-token-aside');
  renameSync(installed, aside);
  const port = await freePort();
  let server;
  let away;
  if (standalone) {
    away = mkdtempSync(join(tmpdir(), 'vvt-next-standalone-'));
    cpSync(join(dir, '.next', 'standalone'), away, { recursive: true });
    cpSync(join(dir, '.next', 'static'), join(away, '.next', 'static'), { recursive: true });
    server = spawn(process.execPath, ['server.js'], { cwd: away, env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  } else {
    server = spawn(next, ['start', '-H', '127.0.0.1', '-p', String(port)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  }
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  const standIn = await startVideoApiStandIn({ project: { apiKey: KEY, apiSecret: SECRET }, application: { applicationId: APP, publicKey: PUBLIC_KEY } });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let waited = 0; ; waited += 200) {
      try {
        await fetch(base, { signal: AbortSignal.timeout(2000) });
        break;
      } catch {
        if (waited > 60_000 || server.exitCode !== null) throw new Error(`the server did not answer:\n${log.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    for (const [path, data, read, checkWith] of [
      ['/api/node', 'node route', async (r) => (await r.json()).token],
      ['/api/edge', 'edge route', async (r) => (await r.json()).token],
      ['/api/node-application', 'node application route', async (r) => (await r.json()).token, checkClientToken],
      ['/api/edge-application', 'edge application route', async (r) => {
        const { token, data } = await r.json();
        return data === 'edge application route' ? token : `read back ${data}`;
      }, checkClientToken],
      ['/page', 'server-rendered page', async (r) => /<pre id="token">([^<]*)<\/pre>/.exec(await r.text())?.[1]],
      [`/api/edge-video?api=${encodeURIComponent(standIn.url)}`, 'edge video route', async (r) => r.json(), (rooms) => checkRooms(rooms, standIn)],
    ]) {
      const check = checkWith ?? checkToken;
      const setup = `${label} ${path.split('?')[0]}`;
      try {
        const response = await fetch(base + path, { signal: AbortSignal.timeout(30_000) });
        const token = response.ok ? await read(response) : undefined;
        record(setup, response.ok ? check(token, data) : [`HTTP ${response.status}: ${(await response.text()).slice(0, 500)}\n${log.slice(-1500)}`],
          `built in ${seconds.toFixed(1)} s, .next/server ${bytes(join(dir, '.next', 'server'))} B`);
      } catch (err) {
        record(setup, [`${err.message}\n${log.slice(-1500)}`]);
      }
    }
  } catch (err) {
    record(`${label}: serve`, [err.message]);
  } finally {
    await standIn.stop();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    renameSync(aside, installed);
    if (away) rmSync(away, { recursive: true, force: true });
  }
}

async function nextApp(tarball) {
  const dir = join(work, 'next-app');
  cpSync(join(fixture, 'next-app'), dir, { recursive: true });
  writeKeys(join(dir, 'app'), 'keys.js');
  const dependencies = { next: version('next'), react: version('react'), 'react-dom': version('react-dom'), 'vonage-video-token': `file:${tarball}` };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
  install(dir, []);
  // Turbopack served by `next start`; webpack as standalone output, served away from the app.
  for (const bundler of ['turbopack', 'webpack']) {
    if (only && !only.includes(`next-${bundler}`)) continue;
    await serveNext(dir, bundler, bundler === 'webpack');
  }
}

/** The Node 22 binary the tests install (tests/node-versions): Nuxt 4.6 needs Node 22 or later. */
function node22() {
  const versions = fileURLToPath(new URL('tests/node-versions/', root));
  const bin = join(versions, 'node_modules', 'node22', 'bin', 'node');
  if (!existsSync(bin)) execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', versions], { stdio: ['ignore', 'ignore', 'inherit'] });
  return bin;
}

/** Starts a server (its own process group), GETs `path` once it answers, stops it; the parsed JSON and the server's log. */
async function serveAndGet(cmd, args, { cwd, env, port, path }) {
  const server = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  try {
    for (let waited = 0; ; waited += 200) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(30_000) });
        const text = await response.text();
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 800)}\n${log.slice(-1500)}`);
        return JSON.parse(text);
      } catch (err) {
        if (!/fetch failed|ECONNREFUSED/.test(`${err.message} ${err.cause?.code}`)) throw err;
        if (waited > 90_000 || server.exitCode !== null) throw new Error(`${cmd} did not answer:\n${log.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * A Nuxt app's production build, with the Node server preset (Nitro traces the package with nft
 * into .output/server/node_modules) and the Workers preset (Nitro bundles everything): the output
 * is copied away from the app and run, by Node 22 and by wrangler's local workerd.
 */
async function nuxtApp(tarball) {
  const node = node22();
  const dir = join(work, 'nuxt-app');
  cpSync(join(fixture, 'nuxt-app'), dir, { recursive: true });
  cpSync(join(fixture, 'bundlers', 'shared.mjs'), join(dir, 'server', 'shared.mjs'));
  writeKeys(join(dir, 'server'), 'keys.mjs');
  const env = { ...process.env, PATH: `${join(node, '..')}:${process.env.PATH}`, NUXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  try {
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });
    execFileSync('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (err) {
    return record('Nuxt: install', [err.message]);
  }
  const nuxtVersion = JSON.parse(readFileSync(join(dir, 'node_modules', 'nuxt', 'package.json'), 'utf8')).version;
  for (const preset of ['node-server', 'cloudflare-module']) {
    if (only && !only.includes(`nuxt-${preset}`) && !only.includes('nuxt')) continue;
    const setup = `Nuxt ${nuxtVersion} production build, preset ${preset}${preset.startsWith('cloudflare') ? ' (nitro.experimental.wasm)' : ''}`;
    rmSync(join(dir, '.output'), { recursive: true, force: true });
    let seconds;
    try {
      seconds = await timed(() => execFileSync(join(dir, 'node_modules', '.bin', 'nuxt'), ['build'], { cwd: dir, env: { ...env, NITRO_PRESET: preset }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 }));
    } catch (err) {
      record(`${setup}: nuxt build`, [`${err.stdout ?? ''}${err.stderr ?? ''}`.slice(-3000)]);
      continue;
    }
    const away = mkdtempSync(join(tmpdir(), 'vvt-nuxt-'));
    try {
      cpSync(join(dir, '.output'), join(away, '.output'), { recursive: true });
      const traced = preset === 'node-server' ? readdirSync(join(away, '.output', 'server', 'node_modules', 'vonage-video-token'), { recursive: true }).filter((f) => /\.\w+$/.test(f)).sort().join(' ') : 'bundled';
      const port = await freePort();
      const result = preset === 'node-server'
        ? await serveAndGet(node, [join('.output', 'server', 'index.mjs')], { cwd: away, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, port, path: '/api/token' })
        : await serveAndGet(fileURLToPath(new URL('node_modules/.bin/wrangler', root)), ['dev', '-c', join('.output', 'server', 'wrangler.json'), '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', '0'],
          { cwd: away, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' }, port, path: '/api/token' });
      record(setup, resultFailures(result), `built in ${seconds.toFixed(1)} s, run from ${away}; package files in the output: ${traced}`);
    } catch (err) {
      record(setup, [err.message]);
    } finally {
      rmSync(away, { recursive: true, force: true });
    }
  }
}

const tarball = pack();
await bundlers(tarball);
if (!only || only.some((name) => name.startsWith('next'))) await nextApp(tarball);
if (!only || only.some((name) => name.startsWith('nuxt'))) await nuxtApp(tarball);
const failed = outcomes.filter((ok) => !ok).length;
console.log(`\nframeworks: ${outcomes.length - failed} passed, ${failed} failed`);
process.exitCode = failed || outcomes.length === 0 ? 1 : 0;
