// The command-line tool, run the way a user runs it: the package's `bin` as a child process, with
// secrets in the environment, checked by exit code, stdout and stderr. No output may ever contain
// a secret or a key.
import { test, after } from 'node:test';
import { equal, match, ok, doesNotMatch } from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { APP, APP_SESSION, KEY, SECRET, SESSION } from '../suite.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const pkgDir = new URL('../../../pkg/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
const cli = fileURLToPath(new URL(manifest.bin['vonage-video-token'], pkgDir));
const vector = (name) => readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8');
const privateKey = vector('rsa-2048.pem');
const publicKey = vector('rsa-2048-public.pem');
const keyLines = privateKey.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
const scratch = mkdtempSync(join(tmpdir(), 'vvt-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name, text) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const PROJECT = { VONAGE_API_KEY: KEY, VONAGE_API_SECRET: SECRET };
const APPLICATION = { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY: privateKey };

/** Runs the tool; checks that nothing it printed holds a secret. */
function run(args, env = {}, input = undefined) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VONAGE_')));
  const result = spawnSync(process.execPath, [cli, ...args], { env: { ...clean, ...env }, input, encoding: 'utf8', timeout: 30_000 });
  const printed = result.stdout + result.stderr;
  ok(!printed.includes(SECRET), `the secret was printed by ${args.join(' ')}`);
  ok(!keyLines.some((line) => printed.includes(line)), `the private key was printed by ${args.join(' ')}`);
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('--version and --help', () => {
  const version = run(['--version']);
  equal(version.code, 0);
  equal(version.out.trim(), manifest.version);
  const help = run(['--help']);
  equal(help.code, 0);
  match(help.out, /Usage:/);
  equal(run([]).code, 2, 'no command is a usage error');
  const unknown = run(['mint']);
  equal(unknown.code, 2);
  match(unknown.err, /unknown command "mint"/);
});

test('token with project credentials: JWT and T1, options reach the token', () => {
  const minted = run(['token', '--session-id', SESSION, '--role', 'moderator', '--data', 'name=Jo', '--layout-class', 'focus', '--layout-class', 'main', '--expires-in', '600'], PROJECT);
  equal(minted.code, 0, minted.err);
  const claims = jwt.verify(minted.out.trim(), SECRET, { algorithms: ['HS256'] });
  equal(claims.session_id, SESSION);
  equal(claims.role, 'moderator');
  equal(claims.connection_data, 'name=Jo');
  equal(claims.initial_layout_class_list, 'focus main');
  ok(Math.abs(claims.exp - (Date.now() / 1000 + 600)) < 5);
  const t1 = run(['token', `--session-id=${SESSION}`, '--type', 'T1', '--json'], PROJECT);
  equal(t1.code, 0, t1.err);
  match(JSON.parse(t1.out).token, /^T1==/);
  const keyFromFlag = run(['token', '--session-id', SESSION, '--api-key', KEY], { VONAGE_API_SECRET: SECRET });
  equal(keyFromFlag.code, 0, keyFromFlag.err);
});

test('token with application credentials: from the environment or a key file', () => {
  for (const env of [APPLICATION, { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY_PATH: file('private.key', privateKey) }]) {
    const minted = run(['token', '--session-id', APP_SESSION, '--role', 'subscriber'], env);
    equal(minted.code, 0, minted.err);
    const claims = jwt.verify(minted.out.trim(), publicKey, { algorithms: ['RS256'] });
    equal(claims.application_id, APP);
    equal(claims.session_id, APP_SESSION);
    equal(claims.role, 'subscriber');
  }
  const flags = run(['token', '--session-id', APP_SESSION, '--application-id', APP, '--private-key-file', file('other.key', privateKey)]);
  equal(flags.code, 0, flags.err);
});

test('token: bad input gets exit 2 and the library\'s code, as text or JSON', () => {
  const cases = [
    [['token', '--session-id', SESSION, '--api-secret', SECRET], PROJECT, /not from arguments/],
    [['token', '--session-id', SESSION, `--private-key=${privateKey}`], APPLICATION, /not from arguments/],
    [['token', '--session-id', SESSION], { VONAGE_API_KEY: KEY }, /VONAGE_API_SECRET/],
    [['token'], PROJECT, /--session-id/],
    [['token', '--session-id', SESSION, '--role', 'admin'], PROJECT, /ERR_INVALID_ROLE/],
    [['token', '--session-id', APP_SESSION], PROJECT, /ERR_SESSION_KEY_MISMATCH/],
    [['token', '--session-id', SESSION], APPLICATION, /ERR_SESSION_KEY_MISMATCH/],
    [['token', '--session-id', SESSION, '--expire-time', 'soon'], PROJECT, /--expire-time must be a number/],
    [['token', '--session-id', SESSION, '--expire-time', '1', '--expires-in', '60'], PROJECT, /not both/],
    [['token', '--session-id', SESSION, '--role', 'a', '--role', 'b'], PROJECT, /given twice/],
    [['token', '--session-id', SESSION, '--bogus'], PROJECT, /unknown option --bogus/],
    [['token', '--session-id', SESSION], { ...PROJECT, VONAGE_API_SECRET: '' }, /ERR_INVALID_API_SECRET/],
    [['token', '--session-id', APP_SESSION], { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY: vector('rsa-1024.pem') }, /ERR_INVALID_PRIVATE_KEY/],
    [['token', '--session-id', APP_SESSION], { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY_PATH: join(scratch, 'missing.key') }, /cannot open the private key file given by VONAGE_PRIVATE_KEY_PATH: ENOENT/],
    [['token', '--session-id', APP_SESSION], { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY_PATH: '/dev/zero' }, /not a regular file/],
    [['token', '--session-id', 'x'.repeat(100_000)], PROJECT, /ERR_INVALID_SESSION_ID/],
  ];
  for (const [args, env, message] of cases) {
    const result = run(args, env);
    equal(result.code, 2, `${args.join(' ').slice(0, 80)}: ${result.err}`);
    match(result.err, message);
    equal(result.out, '');
  }
  const json = run(['token', '--session-id', SESSION, '--role', 'admin', '--json'], PROJECT);
  equal(json.code, 2);
  equal(JSON.parse(json.out).error.code, 'ERR_INVALID_ROLE');
});

test('no value is ever echoed: a secret or a key in every wrong place is refused by name only', () => {
  const pem = privateKey;
  const rs256 = run(['token', '--session-id', APP_SESSION], APPLICATION).out.trim();
  const hs256 = run(['token', '--session-id', SESSION], PROJECT).out.trim();
  const cases = [
    // The PEM itself where its path belongs, in the environment and in a flag, for token and verify.
    [['token', '--session-id', APP_SESSION], { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY_PATH: pem }, /private key file given by VONAGE_PRIVATE_KEY_PATH/],
    [['token', '--session-id', APP_SESSION, '--private-key-file', pem], { VONAGE_APPLICATION_ID: APP }, /private key file given by --private-key-file/],
    [['verify', rs256, '--public-key-file', pem], {}, /key file given by --public-key-file/],
    [['verify', rs256], { VONAGE_PRIVATE_KEY_PATH: pem }, /private key file given by VONAGE_PRIVATE_KEY_PATH/],
    // Secret-like flags in any spelling.
    ...['--apiSecret', '--API_SECRET', '--API-SECRET', '--vonage-api-secret', '--secret', '--api-secret', '--VONAGE_API_SECRET'].map((flag) => [['token', '--session-id', SESSION, `${flag}=${SECRET}`], PROJECT, /not from arguments/]),
    ...['--privateKey', '--private-key', '--PRIVATE_KEY', '--public-key'].map((flag) => [['token', '--session-id', APP_SESSION, `${flag}=${pem}`], APPLICATION, /not from arguments/]),
    [['token', '--session-id', SESSION, '--apiSecret', SECRET], PROJECT, /not from arguments/],
    // An unknown flag whose name is a secret, a stray positional secret, a secret as the command.
    [['token', '--session-id', SESSION, `--${SECRET}`], PROJECT, /unknown option/],
    [['token', SECRET, '--session-id', SESSION], PROJECT, /token takes no arguments, got 1/],
    [[SECRET], PROJECT, /unknown command \(42 characters\)/],
    [[pem.trim()], PROJECT, /an option of \d+ characters: secrets and keys are read from the environment/],
    // A secret as a number flag's value.
    [['token', '--session-id', SESSION, '--expires-in', SECRET], PROJECT, /--expires-in must be a number$/m],
    [['verify', hs256, '--clock-tolerance', SECRET], { VONAGE_API_SECRET: SECRET }, /--clock-tolerance must be a number/],
    [['verify', hs256, '--now', SECRET], { VONAGE_API_SECRET: SECRET }, /--now must be a number/],
  ];
  // The labels name the case by its number: the arguments hold the secret and the key.
  cases.forEach(([args, env, message], index) => {
    for (const json of [false, true]) {
      const result = run(json ? [...args, '--json'] : args, env);
      equal(result.code, 2, `case ${index}: exit ${result.code}`);
      const printed = json ? JSON.parse(result.out).error.message : result.err;
      match(printed, message, `case ${index}${json ? ' (--json)' : ''}`);
      ok(!printed.includes(SECRET.slice(0, 12)), `case ${index}: part of the secret printed`);
    }
  });
});

test('non-regular files are refused with exit 2 and a code; nothing the tool reads can block it', () => {
  // A directory as standard input.
  const dirIn = spawnSync(process.execPath, [cli, 'decode', '-', '--json'], { stdio: [openSync(scratch, 'r'), 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000 });
  equal(dirIn.status, 2, dirIn.stderr);
  equal(JSON.parse(dirIn.stdout).error.code, 'INPUT');
  match(JSON.parse(dirIn.stdout).error.message, /standard input is a directory/);
  // A FIFO (nobody writing), a directory and a device as the key file.
  const fifo = join(scratch, 'key.fifo');
  execFileSync('mkfifo', [fifo]);
  for (const path of [fifo, scratch, '/dev/null']) {
    const started = Date.now();
    const result = run(['token', '--session-id', APP_SESSION, '--private-key-file', path, '--json'], { VONAGE_APPLICATION_ID: APP });
    equal(result.code, 2, `${path}: ${result.err}`);
    equal(JSON.parse(result.out).error.code, 'INPUT');
    match(JSON.parse(result.out).error.message, /is not a regular file/);
    ok(Date.now() - started < 20_000, `${path} blocked the tool`);
  }
});

test('decode: every format, from an argument or standard input, with ISO times', () => {
  const token = run(['token', '--session-id', SESSION, '--data', 'd'], PROJECT).out.trim();
  const text = run(['decode', token]);
  equal(text.code, 0, text.err);
  match(text.out, /^format: JWT \(HS256\)/);
  match(text.out, /"exp": \d+, {4}\/\/ \d{4}-\d\d-\d\dT/);
  const piped = run(['decode', '-', '--json'], {}, `${token}\n`);
  equal(piped.code, 0, piped.err);
  const decoded = JSON.parse(piped.out);
  equal(decoded.format, 'JWT');
  equal(decoded.claims.connection_data, 'd');
  equal(decoded.claims.session_id, SESSION);
  const t1 = run(['token', '--session-id', SESSION, '--type', 'T1'], PROJECT).out.trim();
  equal(JSON.parse(run(['decode', t1, '--json']).out).format, 'T1');
  const rs = run(['token', '--session-id', APP_SESSION], APPLICATION).out.trim();
  equal(JSON.parse(run(['decode', rs, '--json']).out).algorithm, 'RS256');
});

test('decode: warns about times in milliseconds and expired tokens', () => {
  const ms = jwt.sign({ iss: KEY, ist: 'project', session_id: SESSION, exp: Date.now() + 60_000 }, SECRET);
  const warned = run(['decode', ms]);
  equal(warned.code, 0);
  match(warned.out, /warning: exp is \d+: that looks like milliseconds/);
  const expired = jwt.sign({ iss: KEY, ist: 'project', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET);
  match(run(['decode', expired]).out, /warning: the token has expired/);
});

test('decode: not a token is exit 1; too much input is refused unread', () => {
  for (const input of ['not.a.token', 'T1==garbage', '']) {
    const result = input === '' ? run(['decode', '-'], {}, '') : run(['decode', input]);
    equal(result.code, input === '' ? 2 : 1, `${input}: ${result.err}`);
  }
  const json = run(['decode', 'nope', '--json']);
  equal(JSON.parse(json.out).error.code, 'ERR_INVALID_TOKEN');
  const huge = run(['decode', '-'], {}, 'a'.repeat(300_000));
  equal(huge.code, 2);
  match(huge.err, /standard input is longer than/);
});

test('verify: valid tokens exit 0; wrong key, other claims, expiry exit 1', () => {
  const token = run(['token', '--session-id', SESSION, '--role', 'subscriber'], PROJECT).out.trim();
  const good = run(['verify', token, '--session-id', SESSION, '--role', 'subscriber'], { VONAGE_API_SECRET: SECRET });
  equal(good.code, 0, good.err);
  match(good.out, /signature valid/);
  equal(JSON.parse(run(['verify', token, '--json'], { VONAGE_API_SECRET: SECRET }).out).valid, true);
  const t1 = run(['token', '--session-id', SESSION, '--type', 'T1'], PROJECT).out.trim();
  equal(run(['verify', '-'], { VONAGE_API_SECRET: SECRET }, t1).code, 0);

  const invalid = [
    [['verify', token], { VONAGE_API_SECRET: `${SECRET}0` }, /ERR_INVALID_SIGNATURE/],
    [['verify', t1], { VONAGE_API_SECRET: `${SECRET}0` }, /ERR_INVALID_SIGNATURE/],
    [['verify', token, '--session-id', APP_SESSION], { VONAGE_API_SECRET: SECRET }, /ERR_INVALID_TOKEN/],
    [['verify', token, '--role', 'moderator'], { VONAGE_API_SECRET: SECRET }, /ERR_INVALID_TOKEN/],
    [['verify', token, '--now', String(Math.floor(Date.now() / 1000) + 2 * 86400)], { VONAGE_API_SECRET: SECRET }, /ERR_TOKEN_EXPIRED/],
    [['verify', `${token.slice(0, -2)}AA`], { VONAGE_API_SECRET: SECRET }, /ERR_INVALID_SIGNATURE/],
  ];
  for (const [args, env, message] of invalid) {
    const result = run(args, env);
    equal(result.code, 1, `${args.slice(2).join(' ')}: ${result.err}`);
    match(result.err, message);
  }
  const usage = run(['verify', token]);
  equal(usage.code, 2);
  match(usage.err, /VONAGE_API_SECRET/);
});

test('verify: RS256 with the public key from the environment or a file', () => {
  const token = run(['token', '--session-id', APP_SESSION], APPLICATION).out.trim();
  equal(run(['verify', token], { VONAGE_PUBLIC_KEY: publicKey }).code, 0);
  equal(run(['verify', token, '--public-key-file', file('public.pem', publicKey)]).code, 0);
  equal(run(['verify', token, '--session-id', APP_SESSION], { VONAGE_PRIVATE_KEY: privateKey }).code, 0);
  const other = require('node:crypto').generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
  const wrong = run(['verify', token], { VONAGE_PUBLIC_KEY: other });
  equal(wrong.code, 1);
  match(wrong.err, /ERR_INVALID_SIGNATURE/);
  const missing = run(['verify', token]);
  equal(missing.code, 2);
  doesNotMatch(missing.err, /PRIVATE KEY-----/);
});
