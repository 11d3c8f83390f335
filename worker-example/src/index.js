// A small Vonage Video app on Cloudflare Workers:
//   POST /session  creates a session through the Video REST API → 200 { sessionId, … }
//   GET  /token?sessionId=…&role=…&expireTime=…&data=…&initialLayoutClassList=…&tokenType=…
//                  mints a client token for it → 200 { token, sessionId, … }
// with either kind of credentials from the Worker's secrets: a project's API_KEY and API_SECRET,
// or an application's APPLICATION_ID and PRIVATE_KEY (PEM). VIDEO_API_URL overrides the REST API's
// base URL. Bad input gets 400 { error: { code, message } }.
import { generateToken, TokenError } from 'vonage-video-token';
import { ClientTokenGenerator, generateRestToken } from 'vonage-video-token/vonage';

const QUERY_OPTIONS = ['role', 'expireTime', 'data', 'initialLayoutClassList', 'tokenType'];
// Errors that mean the Worker's own configuration is wrong, not the request.
const CONFIGURATION_ERRORS = new Set(['ERR_INVALID_API_KEY', 'ERR_INVALID_API_SECRET', 'ERR_INVALID_APPLICATION_ID', 'ERR_INVALID_PRIVATE_KEY']);
const MEDIA_MODES = { routed: 'disabled', relayed: 'enabled' };
const ARCHIVE_MODES = ['manual', 'always'];
const MAX_BODY = 4096; // bytes of a POST /session body
const MAX_UPSTREAM = 65536; // bytes of the REST API's answer

function json(body, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function error(status, code, message) {
  return json({ error: { code, message } }, status);
}

class RequestError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// One generator per isolate: it imports the application's key into WebCrypto once.
let application;

/** The Worker's credentials, from its secrets. */
function credentials(env) {
  if (env.APPLICATION_ID || env.PRIVATE_KEY) {
    if (application?.applicationId !== env.APPLICATION_ID) application = new ClientTokenGenerator(env.APPLICATION_ID, env.PRIVATE_KEY);
    return { kind: 'application', generator: application, apiUrl: env.VIDEO_API_URL || 'https://video.api.vonage.com' };
  }
  return { kind: 'project', apiKey: env.API_KEY, apiSecret: env.API_SECRET, apiUrl: env.VIDEO_API_URL || 'https://api.opentok.com' };
}

/** Turns the query string into token options; the library validates the values. */
function optionsFrom(params) {
  const options = {};
  for (const [name] of params) {
    if (name !== 'sessionId' && !QUERY_OPTIONS.includes(name)) {
      throw new TokenError('ERR_UNKNOWN_OPTION', `unknown query parameter "${name}"; known: sessionId, ${QUERY_OPTIONS.join(', ')}`);
    }
  }
  for (const name of QUERY_OPTIONS) {
    const values = params.getAll(name);
    if (values.length === 0) continue;
    if (name === 'initialLayoutClassList') options[name] = values;
    else if (values.length > 1) throw new TokenError('ERR_INVALID_OPTIONS', `query parameter "${name}" was given ${values.length} times`);
    else if (name === 'expireTime') options[name] = values[0].trim() === '' ? Number.NaN : Number(values[0]);
    else options[name] = values[0];
  }
  return options;
}

async function token(url, env) {
  const sessionId = url.searchParams.get('sessionId');
  if (sessionId === null) throw new RequestError(400, 'ERR_INVALID_SESSION_ID', 'the sessionId query parameter is required');
  const options = optionsFrom(url.searchParams);
  const creds = credentials(env);
  if (creds.kind === 'application') {
    return { token: await creds.generator.generateToken(sessionId, options), applicationId: creds.generator.applicationId, sessionId };
  }
  return { token: generateToken(creds.apiKey, creds.apiSecret, sessionId, options), apiKey: String(creds.apiKey), sessionId };
}

/**
 * Reads a body as UTF-8 text, refusing it (TOO_LARGE()) once it passes LIMIT bytes: the declared
 * length is checked first, then the bytes as they arrive, so no oversized body is ever buffered.
 */
async function readText(message, limit, tooLarge) {
  const declared = message.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (message.body === null) return '';
  const reader = message.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RequestError(400, 'INVALID_BODY', 'the body must be UTF-8');
  }
}

/** The session's settings from the request's JSON body (all optional), as the REST API's form fields. */
async function sessionForm(request) {
  const text = await readText(request, MAX_BODY, () => new RequestError(413, 'BODY_TOO_LARGE', `the body must be at most ${MAX_BODY} bytes`));
  let body = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new RequestError(400, 'INVALID_BODY', 'the body must be JSON: { "mediaMode"?, "archiveMode"?, "location"? }');
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new RequestError(400, 'INVALID_BODY', 'the body must be a JSON object');
  const { mediaMode = 'routed', archiveMode = 'manual', location, ...rest } = body;
  if (Object.keys(rest).length) throw new RequestError(400, 'INVALID_BODY', `unknown field "${Object.keys(rest)[0]}"; known: mediaMode, archiveMode, location`);
  if (!(mediaMode in MEDIA_MODES)) throw new RequestError(400, 'INVALID_BODY', 'mediaMode must be "routed" or "relayed"');
  if (!ARCHIVE_MODES.includes(archiveMode)) throw new RequestError(400, 'INVALID_BODY', 'archiveMode must be "manual" or "always"');
  if (archiveMode === 'always' && mediaMode !== 'routed') throw new RequestError(400, 'INVALID_BODY', 'archiveMode "always" needs mediaMode "routed"');
  if (location !== undefined && !(typeof location === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(location))) {
    throw new RequestError(400, 'INVALID_BODY', 'location must be an IPv4 address');
  }
  const form = new URLSearchParams({ archiveMode, 'p2p.preference': MEDIA_MODES[mediaMode] });
  if (location !== undefined) form.set('location', location);
  return form;
}

/** Creates a session through the Video REST API: the request `opentok` and `@vonage/video` send. */
async function createSession(request, env) {
  const form = await sessionForm(request);
  const creds = credentials(env);
  const headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
  if (creds.kind === 'application') headers.authorization = `Bearer ${await creds.generator.generateApplicationJwt()}`;
  else headers['x-opentok-auth'] = generateRestToken(creds.apiKey, creds.apiSecret);
  let response;
  try {
    response = await fetch(`${creds.apiUrl}/session/create`, { method: 'POST', headers, body: form.toString() });
  } catch {
    throw new RequestError(502, 'UPSTREAM_UNREACHABLE', `the Video REST API at ${creds.apiUrl} could not be reached`);
  }
  const text = await readText(response, MAX_UPSTREAM, () => new RequestError(502, 'UPSTREAM_ERROR', 'the Video REST API\'s answer is too large'));
  if (!response.ok) throw new RequestError(502, 'UPSTREAM_ERROR', `the Video REST API answered ${response.status}: ${text.slice(0, 200)}`);
  let sessionId;
  try {
    sessionId = JSON.parse(text)[0].session_id;
  } catch {
    sessionId = undefined;
  }
  if (typeof sessionId !== 'string') throw new RequestError(502, 'UPSTREAM_ERROR', 'the Video REST API answered without a session_id');
  const owner = creds.kind === 'application' ? { applicationId: creds.generator.applicationId } : { apiKey: String(creds.apiKey) };
  return { sessionId, ...owner, mediaMode: form.get('p2p.preference') === 'disabled' ? 'routed' : 'relayed', archiveMode: form.get('archiveMode') };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    try {
      if (url.pathname === '/token' && request.method === 'GET') return json(await token(url, env));
      if (url.pathname === '/session' && request.method === 'POST') return json(await createSession(request, env));
      if (url.pathname === '/token' || url.pathname === '/session') return error(405, 'METHOD_NOT_ALLOWED', 'use GET /token or POST /session');
      return error(404, 'NOT_FOUND', 'POST /session, then GET /token?sessionId=<session id>[&role=…&expireTime=<unix seconds>&data=…]');
    } catch (err) {
      if (err instanceof RequestError) return error(err.status, err.code, err.message);
      if (!(err instanceof TokenError)) throw err;
      if (CONFIGURATION_ERRORS.has(err.code)) {
        // Never echo the library's message here: it describes the credentials' shape.
        return error(500, 'SERVER_MISCONFIGURED', 'the Worker\'s credentials (API_KEY / API_SECRET, or APPLICATION_ID / PRIVATE_KEY) are not set correctly');
      }
      return error(400, err.code, err.message);
    }
  },
};
