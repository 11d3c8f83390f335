import { generateToken, TokenGenerator } from '../../../pkg/workerd.js';

const KEY = '123456';
const SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const encoder = new TextEncoder();
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
let cryptoKey;
let generator;

function base64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function claims() {
  const words = crypto.getRandomValues(new Uint32Array(2));
  const ms = Date.now();
  const now = Math.round(ms / 1000);
  return {
    iss: KEY, ist: 'project', iat: Math.floor(ms / 1000), exp: now + 86400, session_id: SESSION, create_time: now,
    nonce: ((words[0] >>> 11) * 4294967296 + words[1]) / 9007199254740992, role: 'publisher', expire_time: now + 86400,
    initial_layout_class_list: '', scope: 'session.connect',
  };
}

/** The hand-written WebCrypto HS256 a Worker would use today, with the CryptoKey cached. */
async function webCryptoToken() {
  cryptoKey ??= await crypto.subtle.importKey('raw', encoder.encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const input = `${HEADER}.${base64url(encoder.encode(JSON.stringify(claims())))}`;
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

const IMPLEMENTATIONS = {
  noop: () => '',
  'generate-token': () => generateToken(KEY, SECRET, SESSION),
  'token-generator': () => (generator ??= new TokenGenerator(KEY, SECRET)).generateToken(SESSION),
  't1': () => generateToken(KEY, SECRET, SESSION, { tokenType: 'T1' }),
  webcrypto: webCryptoToken,
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
