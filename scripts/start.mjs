// `npm start`: build the package, then serve worker-example/ in local workerd (wrangler dev) on
// 127.0.0.1 with the demo credentials, against a local stand-in for the Video REST API (the real
// one needs a Vonage account), and print ready-to-run example calls.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { installDependencies } from './setup.mjs';
import { startVideoApiStandIn } from './video-api-stand-in.mjs';

const root = new URL('..', import.meta.url);
const example = new URL('worker-example/', root);
const PORT = Number(process.env.PORT ?? 8787);
// The demo project of worker-example/.dev.vars.example.
const DEMO = { apiKey: '123456', apiSecret: '1234567890abcdef1234567890abcdef1234567890' };

// Another server on the port would answer the checks below in this one's place.
await new Promise((resolve) => {
  const probe = createServer().once('error', () => {
    console.error(`127.0.0.1:${PORT} is in use (another \`npm start\`?): stop it, or run with PORT=<another port>`);
    process.exit(1);
  });
  probe.listen(PORT, '127.0.0.1', () => probe.close(resolve));
});

installDependencies();
execFileSync('node', [fileURLToPath(new URL('scripts/build.mjs', root))], { stdio: 'inherit' });

// The example depends on "file:../pkg": link it the way `npm install` would.
const link = new URL('node_modules/vonage-video-token', example);
mkdirSync(new URL('node_modules/', example), { recursive: true });
rmSync(link, { recursive: true, force: true });
symlinkSync('../../pkg', link, 'dir');
if (!existsSync(new URL('.dev.vars', example))) copyFileSync(new URL('.dev.vars.example', example), new URL('.dev.vars', example));

const standIn = await startVideoApiStandIn({ project: DEMO });
const state = new URL('target/start-state/', root);
rmSync(state, { recursive: true, force: true });
console.log(`Video REST API stand-in (demo project ${DEMO.apiKey}) on ${standIn.url}`);
const wrangler = spawn(fileURLToPath(new URL('node_modules/.bin/wrangler', root)),
  // The rooms' Durable Objects keep their sessions in a fresh directory: the stand-in starts empty.
  ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--var', `VIDEO_API_URL:${standIn.url}`, '--persist-to', fileURLToPath(state)],
  // Its own process group, so that stopping `npm start` stops wrangler and its workerd too.
  { cwd: example, detached: true, stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } });
wrangler.stdout.pipe(process.stdout);
const stop = (signal = 'SIGTERM') => {
  try {
    process.kill(-wrangler.pid, signal);
  } catch {
    // already gone
  }
};
wrangler.on('exit', (code) => {
  stop();
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
process.on('exit', () => stop('SIGKILL'));

const started = Date.now();
const base = `http://127.0.0.1:${PORT}`;
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
const fail = (message) => {
  console.error(message);
  stop();
  process.exit(1);
};
let room;
for (;;) {
  try {
    room = await fetch(`${base}/room/demo?role=moderator&data=name%3DJo`);
    break;
  } catch {
    if (Date.now() - started > 120_000) fail('wrangler dev did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}
if (!room.ok) fail(`GET /room/demo: unexpected ${room.status}: ${await room.text()}`);
const { sessionId, token } = await room.json();
const archive = await fetch(`${base}/archive/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, name: 'demo' }) });
if (!archive.ok) fail(`POST /archive/start: unexpected ${archive.status}: ${await archive.text()}`);
const { id: archiveId } = await archive.json();
console.log(`\nThe room server is serving from local workerd (ready ${Date.now() - started} ms after wrangler started),`);
console.log(`against the REST API stand-in. Join a room (its session is created on the first request):\n`);
console.log(`  curl '${base}/room/demo?role=moderator&data=name%3DJo'\n`);
console.log(`That call returned session ${sessionId} and a token whose claims are:\n${JSON.stringify(claimsOf(token), null, 2)}\n`);
console.log(`An archive of it was started (${archiveId}). Stop it, read it, list the room's archives, start another:\n`);
console.log(`  curl -X POST ${base}/archive/${archiveId}/stop`);
console.log(`  curl ${base}/archive/${archiveId}`);
console.log(`  curl '${base}/archive?sessionId=${sessionId}'`);
console.log(`  curl -X POST ${base}/archive/start -H 'content-type: application/json' -d '{"sessionId":"${sessionId}","name":"demo 2"}'\n`);
console.log(`Bad input gets HTTP 400 with a code, e.g. curl '${base}/room/no%20spaces'`);
console.log('Press Ctrl-C to stop.');
