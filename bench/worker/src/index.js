import { generateToken, TokenGenerator } from '../../../pkg/index.edge.js';
import { ClientTokenGenerator } from '../../../pkg/vonage.edge.js';
import { APP, APP_SESSION, KEY, OPTIONS, SECRET, SESSION, applicationClaims, claims } from '../../claims.mjs';
// Written by bench/workerd.mjs from tests/vectors/rsa-2048.pem.
import { PRIVATE_KEY_PEM } from './key.generated.js';

const encoder = new TextEncoder();
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
let cryptoKey;
let rsaKey;
let generator;
let clientGenerator;

/** base64url through btoa, as Workers code written before Uint8Array#toBase64 does it. */
function base64urlBtoa(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url through the runtime's native encoder, the strongest a Worker can write (workerd has it). */
const base64url = (bytes) => bytes.toBase64({ alphabet: 'base64url', omitPadding: true });

function cryptoNonce() {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return ((words[0] >>> 11) * 4294967296 + words[1]) / 9007199254740992;
}

/** The hand-written WebCrypto HS256 a Worker would use today, with the CryptoKey cached. */
async function webCryptoToken(options, nonce = cryptoNonce, encode = base64url) {
  cryptoKey ??= await crypto.subtle.importKey('raw', encoder.encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const input = `${HEADER}.${encode(encoder.encode(JSON.stringify(claims(options, nonce))))}`;
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(input));
  return `${input}.${encode(new Uint8Array(signature))}`;
}

const RS_HEADER = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9';
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

function pemBytes(pem) {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The hand-written WebCrypto RS256 client token (@vonage/video's claims), the CryptoKey cached. */
async function webCryptoRs256() {
  rsaKey ??= await crypto.subtle.importKey('pkcs8', pemBytes(PRIVATE_KEY_PEM), RSA, false, ['sign']);
  const c = applicationClaims(OPTIONS);
  const input = `${RS_HEADER}.${base64url(encoder.encode(JSON.stringify(c)))}`;
  const signature = await crypto.subtle.sign(RSA.name, rsaKey, encoder.encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

const IMPLEMENTATIONS = {
  noop: () => '',
  'generate-token': () => generateToken(KEY, SECRET, SESSION),
  'token-generator': () => (generator ??= new TokenGenerator(KEY, SECRET)).generateToken(SESSION),
  't1': () => generateToken(KEY, SECRET, SESSION, { tokenType: 'T1' }),
  webcrypto: () => webCryptoToken(undefined),
  'generate-token-options': () => generateToken(KEY, SECRET, SESSION, OPTIONS),
  'token-generator-options': () => (generator ??= new TokenGenerator(KEY, SECRET)).generateToken(SESSION, OPTIONS),
  'webcrypto-options': () => webCryptoToken(OPTIONS),
  'webcrypto-options-math-random': () => webCryptoToken(OPTIONS, Math.random),
  'webcrypto-options-btoa': () => webCryptoToken(OPTIONS, cryptoNonce, base64urlBtoa),
  'client-token-generator': () => (clientGenerator ??= new ClientTokenGenerator(APP, PRIVATE_KEY_PEM)).generateToken(APP_SESSION, OPTIONS),
  'webcrypto-rs256': webCryptoRs256,
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const impl = IMPLEMENTATIONS[url.pathname.slice(1)];
    if (!impl) return new Response('unknown implementation', { status: 404 });
    const n = Number(url.searchParams.get('n') ?? 1);
    let last = '';
    for (let i = 0; i < n; i++) last = await impl();
    return new Response(last.slice(0, 20));
  },
};
