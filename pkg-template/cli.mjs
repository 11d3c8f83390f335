#!/usr/bin/env node
// The command-line tool: `npx vonage-video-token token|decode|verify …`. Secrets come from the
// environment or a file, never from arguments, so they stay out of shell history; no output
// contains them. Exit codes: 0 done, 1 the token is invalid (decode, verify), 2 bad usage or input.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { generateToken, TokenError } from './index.mjs';
import { decodeToken, verifyToken } from './verify.mjs';
import { generateClientToken } from './vonage.mjs';

// Written by the build.
const version = '__PACKAGE_VERSION__';
// The longest token and key the library takes (its LIMITS); longer input is refused unread.
const MAX_TOKEN = 65536 * 3;
const MAX_KEY_FILE = 16384 * 3;

const HELP = `vonage-video-token ${version}: mint, decode and verify Vonage Video client tokens

Usage:
  vonage-video-token token  --session-id <id> [options]    mint a client token
  vonage-video-token decode [<token> | -]                  show what a token holds (no key needed)
  vonage-video-token verify [<token> | -] [options]        check a token's signature and expiry
  vonage-video-token --help | --version

Credentials (from the environment or a file, never from arguments):
  project:      VONAGE_API_KEY (or --api-key) and VONAGE_API_SECRET
  application:  VONAGE_APPLICATION_ID (or --application-id) and VONAGE_PRIVATE_KEY (the PEM),
                or VONAGE_PRIVATE_KEY_PATH / --private-key-file <path>
  verify:       the project's VONAGE_API_SECRET for HS256 and T1 tokens; for RS256 tokens
                VONAGE_PUBLIC_KEY, or --public-key-file <path>, or the private key as above

Token options:
  --role publisher|subscriber|moderator|publisheronly     default publisher
  --expire-time <unix seconds>      or --expires-in <seconds>; default 24 hours
  --data <text>                     connection data
  --layout-class <class>            repeat for several classes
  --type JWT|T1                     T1: the legacy format (project credentials only)

Verify options:
  --session-id <id>  --role <role>  expect these claims
  --clock-tolerance <seconds>       allow this much clock skew at the expiry
  --now <unix seconds>              check against this time instead of the clock

Output:
  --json                            machine-readable JSON on stdout

Examples:
  VONAGE_API_KEY=123456 VONAGE_API_SECRET=… vonage-video-token token --session-id 1_MX4… --role moderator
  VONAGE_APPLICATION_ID=… VONAGE_PRIVATE_KEY_PATH=./private.key vonage-video-token token --session-id 1_MX4…
  vonage-video-token decode eyJhbGciOi…
  echo "$TOKEN" | VONAGE_API_SECRET=… vonage-video-token verify - --session-id 1_MX4… --json
`;

/** A problem with how the tool was called (code USAGE) or with what it was given to read (INPUT). */
class UsageError extends Error {
  constructor(message, code = 'USAGE') {
    super(message);
    this.code = code;
  }
}

/**
 * How an argument the user typed may appear in a message: never its value, which could be a
 * secret pasted in the wrong place. A flag's name is shown when it has the shape of one.
 */
function flagName(flag) {
  return /^--?[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(flag) ? flag : `an option of ${flag.length} characters`;
}

// Flags that would carry a secret or a key, in any spelling (--apiSecret, --API_SECRET,
// --vonage-api-secret, --privateKey, …): refused without their value ever being shown.
const SECRET_FLAG = /secret|privatekey|publickey|password|token/;

const FLAGS = {
  '--session-id': 'sessionId', '--api-key': 'apiKey', '--application-id': 'applicationId', '--private-key-file': 'privateKeyFile',
  '--public-key-file': 'publicKeyFile', '--role': 'role', '--expire-time': 'expireTime', '--expires-in': 'expiresIn',
  '--data': 'data', '--layout-class': 'layoutClass', '--type': 'type', '--clock-tolerance': 'clockTolerance', '--now': 'now',
};
const SWITCHES = { '--json': 'json', '--help': 'help', '-h': 'help', '--version': 'version' };

function parse(argv) {
  const args = { layoutClass: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag in SWITCHES) {
      args[SWITCHES[flag]] = true;
    } else if (flag in FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (FLAGS[flag] === 'layoutClass') args.layoutClass.push(value);
      else if (FLAGS[flag] in args) throw new UsageError(`${flag} was given twice`);
      else args[FLAGS[flag]] = value;
    } else if (flag.startsWith('-') && SECRET_FLAG.test(flag.toLowerCase().replace(/[^a-z]/g, ''))) {
      throw new UsageError(`${flagName(flag)}: secrets and keys are read from the environment or a file, not from arguments (see --help)`);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${flagName(flag)} (see --help)`);
    } else {
      args.positional.push(arg);
    }
  }
  return args;
}

function number(name, text) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${name} must be a number`);
  return value;
}

/**
 * Reads a file descriptor as UTF-8, at most LIMIT bytes: a larger input (or an endless one such
 * as /dev/zero) is refused once it passes the limit, never buffered whole.
 */
function readBounded(fd, limit, what) {
  const buffer = Buffer.alloc(limit + 1);
  let size = 0;
  for (;;) {
    let read;
    try {
      read = readSync(fd, buffer, size, buffer.length - size, null);
    } catch (err) {
      if (err.code === 'EAGAIN') continue;
      if (err.code === 'EOF') break;
      throw err;
    }
    if (read === 0) break;
    size += read;
    if (size > limit) throw new UsageError(`${what} is longer than ${limit} bytes`, 'INPUT');
  }
  const text = buffer.toString('utf8', 0, size);
  buffer.fill(0);
  return text;
}

/**
 * Reads a key file named by `source` (a flag or an environment variable; the path itself is never
 * shown: a key pasted where its path belongs must not be printed). Only a regular file is read:
 * it is opened without blocking (a FIFO would otherwise wait for a writer forever), and anything
 * else (a directory, a device, a FIFO) is refused.
 */
function readKeyFile(path, what, source) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new UsageError(`cannot open the ${what} file given by ${source}: ${err.code ?? 'error'}`, 'INPUT');
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UsageError(`the ${what} file given by ${source} is not a regular file`, 'INPUT');
    return readBounded(fd, MAX_KEY_FILE, `the ${what} file given by ${source}`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read the ${what} file given by ${source}: ${err.code ?? 'error'}`, 'INPUT');
  } finally {
    closeSync(fd);
  }
}

/** The token argument, or standard input for "-" (or no argument when input is piped). */
function tokenArgument(args) {
  const [token, ...extra] = args.positional;
  if (extra.length) throw new UsageError(`expected one token, got ${args.positional.length} arguments`);
  if (token === '-' || (token === undefined && !process.stdin.isTTY)) {
    let text;
    try {
      // A pipe, a file or a terminal; not a directory (reading one fails: EISDIR).
      if (fstatSync(0).isDirectory()) throw new UsageError('standard input is a directory', 'INPUT');
      text = readBounded(0, MAX_TOKEN, 'standard input').trim();
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`cannot read standard input: ${err.code ?? 'error'}`, 'INPUT');
    }
    if (text === '') throw new UsageError('no token on standard input', 'INPUT');
    return text;
  }
  if (token === undefined) throw new UsageError('give a token, or - to read it from standard input');
  return token;
}

function tokenOptions(args) {
  const options = {};
  if (args.role !== undefined) options.role = args.role;
  if (args.expireTime !== undefined && args.expiresIn !== undefined) throw new UsageError('give --expire-time or --expires-in, not both');
  if (args.expireTime !== undefined) options.expireTime = number('--expire-time', args.expireTime);
  if (args.expiresIn !== undefined) options.expireTime = Math.floor(Date.now() / 1000) + number('--expires-in', args.expiresIn);
  if (args.data !== undefined) options.data = args.data;
  if (args.layoutClass.length) options.initialLayoutClassList = args.layoutClass;
  if (args.type !== undefined) options.tokenType = args.type;
  return options;
}

function applicationKey(args, env) {
  if (args.privateKeyFile !== undefined) return readKeyFile(args.privateKeyFile, 'private key', '--private-key-file');
  if (env.VONAGE_PRIVATE_KEY_PATH !== undefined) return readKeyFile(env.VONAGE_PRIVATE_KEY_PATH, 'private key', 'VONAGE_PRIVATE_KEY_PATH');
  return env.VONAGE_PRIVATE_KEY;
}

async function token(args, env) {
  if (args.positional.length) throw new UsageError(`token takes no arguments, got ${args.positional.length} (options start with --)`);
  if (args.sessionId === undefined) throw new UsageError('token needs --session-id');
  const applicationId = args.applicationId ?? env.VONAGE_APPLICATION_ID;
  const options = tokenOptions(args);
  if (applicationId !== undefined) {
    const privateKey = applicationKey(args, env);
    if (privateKey === undefined) throw new UsageError('an application needs its key: set VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH, or give --private-key-file');
    return { token: await generateClientToken(applicationId, privateKey, args.sessionId, options) };
  }
  const apiKey = args.apiKey ?? env.VONAGE_API_KEY;
  if (apiKey === undefined) throw new UsageError('set VONAGE_API_KEY (or give --api-key) and VONAGE_API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY');
  if (env.VONAGE_API_SECRET === undefined) throw new UsageError('set VONAGE_API_SECRET (it is not read from arguments, to keep it out of shell history)');
  return { token: generateToken(apiKey, env.VONAGE_API_SECRET, args.sessionId, options) };
}

const TIME_CLAIMS = ['iat', 'exp', 'nbf', 'create_time', 'expire_time'];
// Anything past the year 5000 in seconds is almost certainly milliseconds.
const MILLISECONDS_FROM = 95_617_584_000;

/** ISO dates for the time claims, and warnings about them. */
function times(claims) {
  const iso = {};
  const warnings = [];
  for (const name of TIME_CLAIMS) {
    const value = typeof claims[name] === 'string' && /^\d+$/.test(claims[name]) ? Number(claims[name]) : claims[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (Math.abs(value) >= MILLISECONDS_FROM) {
      warnings.push(`${name} is ${value}: that looks like milliseconds; tokens take Unix seconds`);
      const asMs = new Date(value);
      iso[name] = Number.isNaN(asMs.getTime()) ? 'invalid' : `${asMs.toISOString()} if milliseconds`;
    } else {
      iso[name] = new Date(value * 1000).toISOString();
    }
  }
  const expiry = claims.exp ?? claims.expire_time;
  if (expiry !== undefined && Number(expiry) * 1000 < Date.now() && Number(expiry) < MILLISECONDS_FROM) warnings.push('the token has expired');
  return { iso, warnings };
}

/** Pretty JSON of the claims, each time claim followed by its ISO date. */
function prettyClaims(claims, iso) {
  return JSON.stringify(claims, null, 2).split('\n').map((line) => {
    const name = /^ {2}"([a-z_]+)": /.exec(line)?.[1];
    return name !== undefined && name in iso ? `${line}    // ${iso[name]}` : line;
  }).join('\n');
}

function describe(decoded, json, verified) {
  const { iso, warnings } = times(decoded.claims);
  if (json) return JSON.stringify({ ...(verified ? { valid: true } : {}), ...decoded, times: iso, warnings }, null, 2);
  const lines = [`format: ${decoded.format} (${decoded.algorithm})${verified ? ', signature valid' : ''}`];
  if (decoded.header) lines.push(`header: ${JSON.stringify(decoded.header)}`);
  lines.push(`claims: ${prettyClaims(decoded.claims, iso)}`);
  for (const warning of warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

async function verify(args, env) {
  const text = tokenArgument(args);
  const decoded = decodeToken(text);
  let key;
  if (decoded.algorithm === 'RS256') {
    if (args.publicKeyFile !== undefined) key = readKeyFile(args.publicKeyFile, 'key', '--public-key-file');
    else if (args.privateKeyFile !== undefined || env.VONAGE_PRIVATE_KEY_PATH !== undefined) key = applicationKey(args, env);
    else key = env.VONAGE_PUBLIC_KEY ?? env.VONAGE_PRIVATE_KEY;
    if (key === undefined) throw new UsageError('an RS256 token needs the application\'s public key: set VONAGE_PUBLIC_KEY or give --public-key-file');
  } else {
    key = env.VONAGE_API_SECRET;
    if (key === undefined) throw new UsageError(`a ${decoded.algorithm} token needs the project's secret: set VONAGE_API_SECRET`);
  }
  const options = {};
  if (args.sessionId !== undefined) options.sessionId = args.sessionId;
  if (args.role !== undefined) options.role = args.role;
  if (args.clockTolerance !== undefined) options.clockTolerance = number('--clock-tolerance', args.clockTolerance);
  if (args.now !== undefined) options.now = number('--now', args.now) * 1000;
  return verifyToken(text, key, options);
}

async function main(argv, env) {
  const args = parse(argv);
  const [command] = args.positional.splice(0, 1);
  if (args.version) return { out: version };
  if (args.help || command === undefined || command === 'help') return { out: HELP, code: command === undefined && !args.help ? 2 : 0 };
  switch (command) {
    case 'token': {
      const { token: minted } = await token(args, env);
      return { out: args.json ? JSON.stringify({ token: minted }) : minted };
    }
    case 'decode':
      return { out: describe(decodeToken(tokenArgument(args)), args.json, false) };
    case 'verify':
      return { out: describe(await verify(args, env), args.json, true) };
    default:
      throw new UsageError(`unknown command${/^[a-z-]{1,20}$/.test(command) ? ` "${command}"` : ` (${command.length} characters)`}: use token, decode or verify (see --help)`);
  }
}

const json = process.argv.includes('--json');
try {
  const { out, code = 0 } = await main(process.argv.slice(2), process.env);
  process.stdout.write(`${out}\n`);
  process.exitCode = code;
} catch (err) {
  const invalid = err instanceof TokenError && ['ERR_INVALID_TOKEN', 'ERR_INVALID_SIGNATURE', 'ERR_TOKEN_EXPIRED'].includes(err.code);
  if (!(err instanceof TokenError || err instanceof UsageError)) throw err;
  const { code } = err;
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message: err.message } })}\n`);
  else process.stderr.write(`vonage-video-token: ${err instanceof TokenError ? `${err.code}: ` : ''}${err.message}\n`);
  process.exitCode = invalid ? 1 : 2;
}
