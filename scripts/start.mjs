// `npm start`: build the package, then serve worker-example/ in local workerd (wrangler dev) on
// 127.0.0.1 with the demo credentials, against a local stand-in for the Video REST API (the real
// one needs a Vonage account), and print ready-to-run example calls.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installDependencies } from './setup.mjs';
import { startVideoApiStandIn } from './video-api-stand-in.mjs';

const root = new URL('..', import.meta.url);
const example = new URL('worker-example/', root);
const PORT = Number(process.env.PORT ?? 8787);
// The demo project of worker-example/.dev.vars.example.
const DEMO = { apiKey: '123456', apiSecret: '1234567890abcdef1234567890abcdef1234567890' };

installDependencies();
execFileSync('node', [fileURLToPath(new URL('scripts/build.mjs', root))], { stdio: 'inherit' });

// The example depends on "file:../pkg": link it the way `npm install` would.
const link = new URL('node_modules/vonage-video-token', example);
mkdirSync(new URL('node_modules/', example), { recursive: true });
rmSync(link, { recursive: true, force: true });
symlinkSync('../../pkg', link, 'dir');
if (!existsSync(new URL('.dev.vars', example))) copyFileSync(new URL('.dev.vars.example', example), new URL('.dev.vars', example));

const standIn = await startVideoApiStandIn({ project: DEMO });
console.log(`Video REST API stand-in (demo project ${DEMO.apiKey}) on ${standIn.url}`);
const wrangler = spawn(fileURLToPath(new URL('node_modules/.bin/wrangler', root)),
  ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--var', `VIDEO_API_URL:${standIn.url}`],
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
for (;;) {
  let created;
  try {
    created = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"mediaMode":"routed"}' });
  } catch {
    if (Date.now() - started > 120_000) {
      console.error('wrangler dev did not answer within 120 s');
      stop();
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 250));
    continue;
  }
  if (!created.ok) {
    console.error(`POST /session: unexpected ${created.status}: ${await created.text()}`);
    stop();
    process.exit(1);
  }
  const { sessionId } = await created.json();
  const tokenUrl = `${base}/token?sessionId=${sessionId}&role=moderator&data=name%3DJo`;
  const minted = await fetch(tokenUrl);
  if (!minted.ok) {
    console.error(`GET /token: unexpected ${minted.status}: ${await minted.text()}`);
    stop();
    process.exit(1);
  }
  const { token } = await minted.json();
  console.log(`\nThe worker is serving from local workerd (ready ${Date.now() - started} ms after wrangler started).`);
  console.log(`Create a session (through the REST API stand-in), then mint a token for it:\n`);
  console.log(`  curl -X POST ${base}/session -H 'content-type: application/json' -d '{"mediaMode":"routed"}'`);
  console.log(`  curl '${tokenUrl}'\n`);
  console.log(`The second call returned a token whose claims are:\n${JSON.stringify(claimsOf(token), null, 2)}\n`);
  console.log(`Bad input gets HTTP 400, e.g. curl '${base}/token?sessionId=nope'`);
  console.log('Press Ctrl-C to stop.');
  break;
}
