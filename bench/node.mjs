// Node benchmark: one mitata run over the package and its peers; prints JSON for run.mjs.
import { bench, do_not_optimize, run } from 'mitata';
import * as peers from './peers.mjs';

const pkg = new URL('../pkg/', import.meta.url);
const { generateToken, TokenGenerator } = await import(new URL('node.mjs', pkg));
const { KEY, SECRET, SESSION } = peers;
const generator = new TokenGenerator(KEY, SECRET);

export const CASES = {
  'vonage-video-token generateToken (JWT)': () => generateToken(KEY, SECRET, SESSION),
  'vonage-video-token TokenGenerator (JWT)': () => generator.generateToken(SESSION),
  'vonage-video-token generateToken (T1)': () => generateToken(KEY, SECRET, SESSION, { tokenType: 'T1' }),
  'vonage-video-token TokenGenerator (T1)': () => generator.generateToken(SESSION, { tokenType: 'T1' }),
  'hand-written node:crypto HS256': peers.handWrittenNodeCrypto,
  'hand-written node:crypto T1': peers.handWrittenT1,
  'hand-written @noble/hashes HS256': peers.handWrittenNoble,
  'jsonwebtoken sign (string secret)': peers.jsonwebtokenString,
  'jsonwebtoken sign (KeyObject)': peers.jsonwebtokenKeyObject,
  'jose SignJWT (async)': peers.joseSign,
  'opentok@2.23.2 generateToken (JWT)': peers.opentokJwt,
  'opentok@2.23.2 generateToken (T1)': peers.opentokT1,
};

for (const [name, fn] of Object.entries(CASES)) {
  const isAsync = fn() instanceof Promise;
  bench(name, isAsync ? async () => do_not_optimize(await fn()) : () => do_not_optimize(fn()));
}

const { benchmarks } = await run({ format: 'quiet', throw: true });
const results = benchmarks.map((b) => {
  const stats = b.runs[0].stats;
  return { name: b.alias, avg: stats.avg, p50: stats.p50, p99: stats.p99, samples: stats.samples.length };
});
console.log(JSON.stringify(results));
