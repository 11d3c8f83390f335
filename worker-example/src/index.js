// A Vonage Video room server on Cloudflare Workers (the API of the official "learning-opentok"
// samples, at the edge), with either kind of credentials from the Worker's secrets:
//
//   GET  /room/:name            the room's session (created once: a Durable Object per room holds
//                               it) and a token for it → { sessionId, token, apiKey | applicationId }
//   POST /archive/start         { sessionId, …archive options } → the archive
//   POST /archive/:id/stop      → the archive
//   GET  /archive/:id           → the archive
//   GET  /archive?sessionId=…   → { count, items } (also offset, count)
//   POST /session               { mediaMode?, archiveMode?, location?, e2ee? } → a new session
//   GET  /token?sessionId=…     a token for any session of these credentials
//
// Token options (role, expireTime, data, initialLayoutClassList, tokenType) come as query
// parameters of GET /room/:name and GET /token. Bad input gets 400 { error: { code, message } }
// with the library's code; a failing REST API 502 (504 on a timeout, 503 with Retry-After when it
// asks to wait; its 404 and 409 pass through); credentials that are not set correctly 500
// SERVER_MISCONFIGURED, which says nothing more about them.
import { TokenError } from 'vonage-video-token/video';
import { mintToken } from './mint.js';
import { ownerOf, videoFor } from './video.js';

export { Room } from './room.js';

const TOKEN_OPTIONS = ['role', 'expireTime', 'data', 'initialLayoutClassList', 'tokenType'];
// Errors that mean the Worker's own configuration is wrong, not the request.
const CONFIGURATION_ERRORS = new Set(['ERR_INVALID_API_KEY', 'ERR_INVALID_API_SECRET', 'ERR_INVALID_APPLICATION_ID', 'ERR_INVALID_PRIVATE_KEY']);
const MAX_BODY = 4096; // bytes of a POST body
const ROOM_NAME = /^[A-Za-z0-9_-]{1,64}$/;
// Rooms whose session this isolate already knows (a room's session never changes), at most this many.
const MAX_KNOWN_ROOMS = 10_000;
const knownRooms = new Map();

function json(body, status = 200, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function error(status, code, message, headers) {
  return json({ error: { code, message } }, status, headers);
}

class RequestError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Token options from the query string (besides the names in `others`); the library checks the values. */
function tokenOptions(params, others = []) {
  const options = {};
  for (const [name] of params) {
    if (!others.includes(name) && !TOKEN_OPTIONS.includes(name)) {
      throw new TokenError('ERR_UNKNOWN_OPTION', `unknown query parameter "${name.slice(0, 40)}"; known: ${[...others, ...TOKEN_OPTIONS].join(', ')}`);
    }
  }
  for (const name of TOKEN_OPTIONS) {
    const values = params.getAll(name);
    if (values.length === 0) continue;
    if (name === 'initialLayoutClassList') options[name] = values;
    else if (values.length > 1) throw new TokenError('ERR_INVALID_OPTIONS', `query parameter "${name}" was given ${values.length} times`);
    else if (name === 'expireTime') options[name] = values[0].trim() === '' ? Number.NaN : Number(values[0]);
    else options[name] = values[0];
  }
  return options;
}

/**
 * Reads a body as UTF-8 text, refusing it once it passes MAX_BODY bytes: the declared length is
 * checked first, then the bytes as they arrive, so no oversized body is ever buffered.
 */
async function readText(request) {
  const tooLarge = () => new RequestError(413, 'BODY_TOO_LARGE', `the body must be at most ${MAX_BODY} bytes`);
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY) throw tooLarge();
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
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

/** The body as a JSON object (an empty body is `{}`). */
async function readObject(request, what) {
  const text = await readText(request);
  if (text.trim() === '') return {};
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'INVALID_BODY', `the body must be JSON: ${what}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new RequestError(400, 'INVALID_BODY', `the body must be a JSON object: ${what}`);
  return body;
}

/** A path segment, decoded. */
function segment(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new RequestError(400, 'INVALID_PATH', 'the path is not well-formed');
  }
}

/** The session of room NAME: known to this isolate, or from the room's Durable Object. */
async function roomSession(env, name) {
  const known = knownRooms.get(name);
  if (known) return known;
  const answer = await env.ROOMS.get(env.ROOMS.idFromName(name)).session();
  if (answer.error) {
    const { code, message, status, retryAfter } = answer.error;
    throw Object.assign(new TokenError(code, message), status === undefined ? {} : { status }, retryAfter === undefined ? {} : { retryAfter });
  }
  if (knownRooms.size >= MAX_KNOWN_ROOMS) knownRooms.delete(knownRooms.keys().next().value);
  knownRooms.set(name, answer.sessionId);
  return answer.sessionId;
}

async function room(env, name, url) {
  if (!ROOM_NAME.test(name)) throw new RequestError(400, 'INVALID_ROOM', 'a room name is 1 to 64 characters of A-Z, a-z, 0-9, - and _');
  const options = tokenOptions(url.searchParams);
  const owner = ownerOf(env); // checks the credentials before anything else
  const sessionId = await roomSession(env, name);
  return { sessionId, token: await mintToken(env, sessionId, options), ...owner };
}

async function token(env, url) {
  const sessionId = url.searchParams.get('sessionId');
  if (sessionId === null) throw new RequestError(400, 'ERR_INVALID_SESSION_ID', 'the sessionId query parameter is required');
  const options = tokenOptions(url.searchParams, ['sessionId']);
  return { token: await mintToken(env, sessionId, options), ...ownerOf(env), sessionId };
}

async function createSession(env, request) {
  const options = await readObject(request, '{ "mediaMode"?, "archiveMode"?, "location"?, "e2ee"? }');
  const video = videoFor(env);
  const { sessionId, mediaMode, archiveMode, location, e2ee } = await video.createSession(options);
  return { sessionId, ...ownerOf(env), mediaMode, archiveMode, location, e2ee };
}

async function startArchive(env, request) {
  const { sessionId, ...options } = await readObject(request, '{ "sessionId", …archive options }');
  if (typeof sessionId !== 'string') throw new RequestError(400, 'ERR_INVALID_SESSION_ID', 'the body needs a "sessionId" string');
  return videoFor(env).startArchive(sessionId, options);
}

function searchArchives(env, params) {
  const filter = {};
  for (const [name, value] of params) {
    if (!['sessionId', 'offset', 'count'].includes(name)) throw new TokenError('ERR_UNKNOWN_OPTION', `unknown query parameter "${name.slice(0, 40)}"; known: sessionId, offset, count`);
    if (params.getAll(name).length > 1) throw new TokenError('ERR_INVALID_OPTIONS', `query parameter "${name}" was given more than once`);
    filter[name] = name === 'sessionId' ? value : /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  }
  return videoFor(env).searchArchives(filter);
}

/** The answer to one request (a JSON value), or a RequestError / TokenError. */
async function route(request, env, url) {
  const { method } = request;
  const parts = url.pathname.split('/').slice(1);
  const allow = (methods) => {
    if (!methods.includes(method)) throw new RequestError(405, 'METHOD_NOT_ALLOWED', `use ${methods.join(' or ')} ${url.pathname}`);
  };
  if (parts[0] === 'room' && parts.length === 2) {
    allow(['GET']);
    return room(env, segment(parts[1]), url);
  }
  if (parts[0] === 'archive') {
    if (parts.length === 1) {
      allow(['GET']);
      return searchArchives(env, url.searchParams);
    }
    if (parts.length === 2 && parts[1] === 'start') {
      allow(['POST']);
      return startArchive(env, request);
    }
    if (parts.length === 2) {
      allow(['GET']);
      return videoFor(env).getArchive(segment(parts[1]));
    }
    if (parts.length === 3 && parts[2] === 'stop') {
      allow(['POST']);
      return videoFor(env).stopArchive(segment(parts[1]));
    }
  }
  if (url.pathname === '/token') {
    allow(['GET']);
    return token(env, url);
  }
  if (url.pathname === '/session') {
    allow(['POST']);
    return createSession(env, request);
  }
  throw new RequestError(404, 'NOT_FOUND', 'GET /room/<name>, POST /archive/start, POST /archive/<id>/stop, GET /archive/<id>, GET /archive?sessionId=…, POST /session, GET /token?sessionId=…');
}

/** The HTTP answer to a failure. */
function failure(err) {
  if (err instanceof RequestError) return error(err.status, err.code, err.message);
  if (!(err instanceof TokenError)) throw err;
  if (CONFIGURATION_ERRORS.has(err.code)) {
    // Never echo the library's message here: it describes the credentials' shape.
    return error(500, 'SERVER_MISCONFIGURED', 'the Worker\'s credentials (API_KEY / API_SECRET, or APPLICATION_ID / PRIVATE_KEY) are not set correctly');
  }
  switch (err.code) {
    case 'ERR_API_STATUS':
      if (err.status === 404) return error(404, 'NOT_FOUND', 'the Video REST API has no such session or archive');
      if (err.status === 409) return error(409, 'CONFLICT', 'the Video REST API refused: the session or archive is not in a state for this');
      if (err.retryAfter !== undefined) return error(503, 'UPSTREAM_BUSY', `the Video REST API asked to wait ${err.retryAfter} s`, { 'retry-after': String(err.retryAfter) });
      return error(502, 'UPSTREAM_ERROR', `the Video REST API answered ${err.status}`);
    case 'ERR_API_TIMEOUT':
      return error(504, 'UPSTREAM_TIMEOUT', 'the Video REST API did not answer in time');
    case 'ERR_API_UNREACHABLE':
      return error(502, 'UPSTREAM_UNREACHABLE', 'the Video REST API could not be reached');
    case 'ERR_API_ANSWER':
    case 'ERR_API_ANSWER_TOO_LARGE':
      return error(502, 'UPSTREAM_ERROR', 'the Video REST API\'s answer could not be read');
    default:
      return error(400, err.code, err.message);
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    try {
      return json(await route(request, env, url));
    } catch (err) {
      return failure(err);
    }
  },
};
