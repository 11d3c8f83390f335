// `npm start`: build the package, then serve worker-example/ in local workerd (wrangler dev) on
// 127.0.0.1 with the demo credentials, and print a ready-to-run example call.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installDependencies } from './setup.mjs';

const root = new URL('..', import.meta.url);
const example = new URL('worker-example/', root);
const PORT = Number(process.env.PORT ?? 8787);
const DEMO_SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

installDependencies();
execFileSync('node', [fileURLToPath(new URL('scripts/build.mjs', root))], { stdio: 'inherit' });

// The example depends on "file:../pkg": link it the way `npm install` would.
const link = new URL('node_modules/vonage-video-token', example);
mkdirSync(new URL('node_modules/', example), { recursive: true });
rmSync(link, { recursive: true, force: true });
symlinkSync('../../pkg', link, 'dir');
if (!existsSync(new URL('.dev.vars', example))) copyFileSync(new URL('.dev.vars.example', example), new URL('.dev.vars', example));

const wrangler = spawn(fileURLToPath(new URL('node_modules/.bin/wrangler', root)),
  ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT)],
  { cwd: example, stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } });
wrangler.stdout.pipe(process.stdout);
wrangler.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wrangler.kill(signal));

const started = Date.now();
const url = `http://127.0.0.1:${PORT}/token?sessionId=${DEMO_SESSION}&role=moderator&data=name%3DJo`;
for (;;) {
  try {
    const response = await fetch(url);
    if (response.ok) {
      const { token } = await response.json();
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      console.log(`\nThe worker is serving tokens from local workerd (ready ${Date.now() - started} ms after wrangler started).`);
      console.log(`Try it:\n\n  curl '${url}'\n`);
      console.log(`It returned a token whose claims are:\n${JSON.stringify(claims, null, 2)}\n`);
      console.log('Bad input gets HTTP 400, e.g. ' + `curl 'http://127.0.0.1:${PORT}/token?sessionId=nope'`);
      console.log('Press Ctrl-C to stop.');
      break;
    }
    console.error(`unexpected ${response.status}: ${await response.text()}`);
    process.exit(1);
  } catch {
    if (Date.now() - started > 120_000) {
      console.error('wrangler dev did not answer within 120 s');
      wrangler.kill();
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
