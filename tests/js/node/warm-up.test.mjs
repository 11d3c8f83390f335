// The Node entries warm up once loading has finished (one event-loop turn later): they ask
// crypto.getRandomValues for zero bytes and mint one throwaway token with a fixed clock and nonce.
// Each case runs in a fresh process that records every getRandomValues call before the package
// loads: the warm-up must draw nothing, must not keep a process alive, must not hide a missing
// source, and the first real token must draw as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { packageEntry } from './package-path.mjs';
import { KEY, SECRET, SESSION } from '../suite.mjs';

const RECORD = `
const draws = [];
const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
globalThis.crypto.getRandomValues = (array) => { draws.push(array.byteLength); return real(array); };
process.on('exit', () => process.stderr.write('draws ' + JSON.stringify(draws) + '\\n'));
`;
const turn = 'await new Promise((r) => setImmediate(r)); await new Promise((r) => setImmediate(r));';

function run(body, { kind = 'import', withoutCrypto = false } = {}) {
  const entry = JSON.stringify(packageEntry('.', kind));
  const load = kind === 'import'
    ? `const m = await import(${entry});`
    : `const m = (await import('node:module')).createRequire(import.meta.url)(${entry});`;
  const before = withoutCrypto ? "Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });" : RECORD;
  const script = `${before}\n${load}\nconst [KEY, SECRET, SESSION] = ${JSON.stringify([KEY, SECRET, SESSION])};\n${body}`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const line = /^draws (.*)$/m.exec(child.stderr);
  return { status: child.status, stdout: child.stdout.trim(), stderr: child.stderr, draws: line ? JSON.parse(line[1]) : undefined };
}

for (const kind of ['import', 'require']) {
  test(`${kind}: the warm-up asks for zero bytes; the first token draws the nonce pool`, () => {
    const r = run(`${turn} m.generateToken(KEY, SECRET, SESSION);`, { kind });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.draws, [0, 8192]);
  });
}

test('the warm-up keeps no process alive: a script that only requires the package exits without it', () => {
  const script = `${RECORD}\nrequire(${JSON.stringify(packageEntry('.', 'require'))});`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.match(child.stderr, /^draws \[\]$/m);
});

test('a token minted before the warm-up runs draws as before, and the warm-up still draws nothing', () => {
  const r = run(`const token = m.generateToken(KEY, SECRET, SESSION); ${turn} console.log(token.length > 0);`);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'true');
  assert.deepEqual(r.draws, [8192, 0]);
});

test('without crypto, the warm-up throws nothing and the first token gets ERR_NO_RANDOMNESS', () => {
  const r = run(`${turn} try { m.generateToken(KEY, SECRET, SESSION); console.log('minted'); } catch (e) { console.log(e.code); }`, { withoutCrypto: true });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'ERR_NO_RANDOMNESS');
});

test('the warm-up leaves the clock and nonce unfixed: two tokens a turn apart differ', () => {
  const r = run(`const a = m.generateToken(KEY, SECRET, SESSION); ${turn} const b = m.generateToken(KEY, SECRET, SESSION); console.log(a !== b && !JSON.parse(atob(b.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iat.toString().startsWith('1000000000'));`);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'true');
});
