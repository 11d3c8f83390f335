// The room server's minting, hand-written: the same Worker, its `mintToken` replaced by the
// strongest HS256 a Worker can write without this package (WebCrypto HMAC with the CryptoKey
// imported once per isolate, a CSPRNG nonce, JSON.stringify, Uint8Array#toBase64 for base64url),
// with opentok's claims in its order. Project credentials only; no checks of the input.
const encoder = new TextEncoder();
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
let cached;

const base64url = (bytes) => bytes.toBase64({ alphabet: 'base64url', omitPadding: true });

function nonce() {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return ((words[0] >>> 11) * 4294967296 + words[1]) / 9007199254740992;
}

/** A client token for SESSION_ID with OPTIONS (role, data, initialLayoutClassList). */
export async function mintToken(env, sessionId, options = {}) {
  if (cached?.secret !== env.API_SECRET) {
    cached = { secret: env.API_SECRET, key: await crypto.subtle.importKey('raw', encoder.encode(env.API_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) };
  }
  const ms = Date.now();
  const now = Math.round(ms / 1000);
  const claims = {
    iss: String(env.API_KEY), ist: 'project', iat: Math.floor(ms / 1000), exp: now + 86400, session_id: sessionId, create_time: now,
    nonce: nonce(), role: options.role ?? 'publisher', expire_time: now + 86400,
  };
  if (options.data !== undefined) claims.connection_data = options.data;
  claims.initial_layout_class_list = [].concat(options.initialLayoutClassList ?? []).join(' ');
  claims.scope = 'session.connect';
  const input = `${HEADER}.${base64url(encoder.encode(JSON.stringify(claims)))}`;
  const signature = await crypto.subtle.sign('HMAC', cached.key, encoder.encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}
