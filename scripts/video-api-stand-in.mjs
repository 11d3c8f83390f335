// A local stand-in for the Video REST API, for `npm start`, the tests and the benchmarks (the real
// API is not reachable from a development machine without an account). It answers the calls of
// `vonage-video-token/video` (and of opentok 2.23 and @vonage/video 1.31) the way the real API
// does, with its answers' shapes (taken from the SDKs' types and docs), after checking what the
// real API would refuse:
//
//   - the credentials: `X-OPENTOK-AUTH` must be an HS256 JWT signed with the project's secret, with
//     `iss` = the API key, `ist` = "project", `iat` and `exp` (opentok's REST token); or
//     `Authorization: Bearer` an RS256 JWT that verifies with the application's public key, with
//     `application_id`, `iat`, `exp`, `jti` (@vonage/jwt's claims); verified with jsonwebtoken. The
//     project segment of a `/v2/project/<owner>/…` path must be the caller's;
//   - `POST /session/create`: `application/x-www-form-urlencoded` with `archiveMode` (manual |
//     always), `p2p.preference` (enabled | disabled), an optional IPv4 `location` (@vonage/video
//     sends `location=null` for none) and `e2ee`, each at most once;
//   - the archive, connection, signal, mute and stream calls: JSON bodies with the fields the API
//     documents, on sessions this stand-in created (404 for others), with the API's state rules
//     (archiving needs a routed session and none already running; only a started archive stops;
//     a started archive cannot be deleted).
//
// Faults, for the tests: an archive id `fault-<what>` (GET …/archive/<id>, after authentication)
// answers with `fault-429` / `fault-503` (that status, `Retry-After: 7`), `fault-500` (a JSON
// error with a message), `fault-slow` (nothing for 30 s), `fault-huge` (a 2 MiB JSON answer,
// chunked), `fault-huge-declared` (the same with its Content-Length), `fault-garbled` (not JSON),
// `fault-shape` (JSON of another shape). `failNext(status, body, headers)` makes the next request
// of any kind get that answer; `next(handler)` hands the next request to `handler(req, res)`.
//
// The last 1000 requests are kept in `requests` (method, path, query, headers, body, and what
// was read of them: `auth`, `form`, `json`).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MAX_BODY = 64 * 1024;
const MAX_HEADER = 8 * 1024;
const CLOCK_SKEW = 60;
const MAX_KEPT = 1000;
const ARCHIVE_FIELDS = ['sessionId', 'name', 'outputMode', 'resolution', 'layout', 'hasAudio', 'hasVideo', 'streamMode', 'multiArchiveTag',
  'maxBitrate', 'quantizationParameter', 'hasTranscription', 'transcriptionProperties'];
const RESOLUTIONS = ['640x480', '480x640', '1280x720', '720x1280', '1920x1080', '1080x1920'];
const FORM_FIELDS = ['archiveMode', 'p2p.preference', 'location', 'e2ee'];

/** A session id in the real API's format whose owner field is OWNER (an API key or an application id). */
export function sessionIdFor(owner) {
  const random = randomBytes(18).toString('base64url');
  return `1_${Buffer.from(`1~${owner}~~${Date.now()}~${random}~~~`).toString('base64url')}`;
}

class Refusal extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * Starts the stand-in on 127.0.0.1 (PORT 0 picks a free port). PROJECT is { apiKey, apiSecret },
 * APPLICATION is { applicationId, publicKey (PEM) }; either may be left out. Resolves to
 * { url, requests, sessions, archives, failNext, next, addStream, addConnection, count, stop }.
 */
export async function startVideoApiStandIn({ port = 0, project, application } = {}) {
  const jwt = require('jsonwebtoken');
  const requests = [];
  const overrides = [];
  /** sessionId → { owner, routed, archiveMode, e2ee, location, streams: Map, connections: Set, muted } */
  const sessions = new Map();
  /** archiveId → { owner, json } */
  const archives = new Map();

  function authenticate(headers) {
    const opentok = headers['x-opentok-auth'];
    const bearer = /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
    if ((opentok === undefined) === (bearer === undefined)) throw new Refusal(403, 'send exactly one of X-OPENTOK-AUTH and Authorization: Bearer');
    const token = opentok ?? bearer;
    if (token.length > MAX_HEADER) throw new Refusal(403, 'the token is too long');
    let claims;
    let owner;
    try {
      if (opentok !== undefined) {
        if (!project) throw new Refusal(403, 'this stand-in has no project credentials');
        claims = jwt.verify(token, project.apiSecret, { algorithms: ['HS256'], clockTolerance: CLOCK_SKEW });
        if (claims.iss !== String(project.apiKey)) throw new Refusal(403, `iss must be the API key, got ${JSON.stringify(claims.iss)}`);
        if (claims.ist !== 'project') throw new Refusal(403, `ist must be "project", got ${JSON.stringify(claims.ist)}`);
        owner = String(project.apiKey);
      } else {
        if (!application) throw new Refusal(403, 'this stand-in has no application credentials');
        claims = jwt.verify(token, application.publicKey, { algorithms: ['RS256'], clockTolerance: CLOCK_SKEW });
        if (claims.application_id !== application.applicationId) throw new Refusal(403, `application_id must be the application's, got ${JSON.stringify(claims.application_id)}`);
        owner = application.applicationId;
      }
    } catch (err) {
      if (err instanceof Refusal) throw err;
      throw new Refusal(403, `the token does not verify: ${err.message}`);
    }
    const now = Math.floor(Date.now() / 1000);
    if (!Number.isInteger(claims.iat) || Math.abs(claims.iat - now) > CLOCK_SKEW) throw new Refusal(403, 'iat must be the current time');
    if (!Number.isInteger(claims.exp) || claims.exp <= claims.iat) throw new Refusal(403, 'exp must follow iat');
    // opentok's project tokens carry no jti; application JWTs always do.
    if (bearer !== undefined && (typeof claims.jti !== 'string' || claims.jti === '')) throw new Refusal(403, 'jti is required');
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    return { kind: opentok !== undefined ? 'project' : 'application', owner, claims, header };
  }

  function readForm(headers, body) {
    if (!/^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? '')) throw new Refusal(400, 'the body must be application/x-www-form-urlencoded');
    const form = new URLSearchParams(body);
    for (const name of form.keys()) {
      if (!FORM_FIELDS.includes(name)) throw new Refusal(400, `unknown field ${name}`);
      if (form.getAll(name).length > 1) throw new Refusal(400, `${name} is repeated`);
    }
    const fields = Object.fromEntries(form);
    if (fields.archiveMode !== undefined && !['manual', 'always'].includes(fields.archiveMode)) throw new Refusal(400, 'archiveMode must be manual or always');
    if (fields['p2p.preference'] !== undefined && !['enabled', 'disabled'].includes(fields['p2p.preference'])) throw new Refusal(400, 'p2p.preference must be enabled or disabled');
    if (fields.e2ee !== undefined && !['true', 'false'].includes(fields.e2ee)) throw new Refusal(400, 'e2ee must be true or false');
    const routed = fields['p2p.preference'] === 'disabled';
    if (fields.archiveMode === 'always' && !routed) throw new Refusal(400, 'archiveMode always needs a routed session');
    if (fields.e2ee === 'true' && !routed) throw new Refusal(400, 'e2ee needs a routed session');
    // @vonage/video sends `location=null` when no location is chosen, and the API takes it as none.
    if (fields.location !== undefined && fields.location !== 'null' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(fields.location)) throw new Refusal(400, 'location must be an IPv4 address');
    return fields;
  }

  function readJson(headers, body, { optional = false } = {}) {
    if (body === '' && optional) return {};
    if (!/^application\/json\b/i.test(headers['content-type'] ?? '')) throw new Refusal(400, 'the body must be application/json');
    try {
      return JSON.parse(body);
    } catch {
      throw new Refusal(400, 'the body is not JSON');
    }
  }

  function session(owner, sessionId) {
    const found = sessions.get(sessionId);
    if (!found || found.owner !== owner) throw new Refusal(404, 'Session not found');
    return found;
  }

  function archive(owner, archiveId) {
    const found = archives.get(archiveId);
    if (!found || found.owner !== owner) throw new Refusal(404, 'Archive not found');
    return found;
  }

  function checkArchiveOptions(body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, 'the body must be a JSON object');
    for (const key of Object.keys(body)) if (!ARCHIVE_FIELDS.includes(key)) throw new Refusal(400, `unknown field ${key}`);
    if (typeof body.sessionId !== 'string') throw new Refusal(400, 'sessionId is required');
    if (body.outputMode !== undefined && !['composed', 'individual'].includes(body.outputMode)) throw new Refusal(400, 'outputMode');
    if (body.resolution !== undefined && !RESOLUTIONS.includes(body.resolution)) throw new Refusal(400, 'resolution');
    if (body.streamMode !== undefined && !['auto', 'manual'].includes(body.streamMode)) throw new Refusal(400, 'streamMode');
    if (body.maxBitrate !== undefined && body.quantizationParameter !== undefined) throw new Refusal(400, 'maxBitrate and quantizationParameter are exclusive');
    for (const flag of ['hasAudio', 'hasVideo', 'hasTranscription']) if (body[flag] !== undefined && typeof body[flag] !== 'boolean') throw new Refusal(400, flag);
  }

  const projectDetails = (owner) => ({
    id: owner, status: 'ACTIVE', name: 'stand-in project', environment: 'standard', createdAt: 1_700_000_000_000,
  });

  /** The answer to one authenticated request: [status, body (JSON value, or undefined for none)]. */
  function route(method, pathname, query, headers, body, auth, record) {
    if (pathname === '/session/create') {
      if (method !== 'POST') throw new Refusal(405, 'method not allowed');
      const fields = readForm(headers, body);
      record.form = fields;
      const sessionId = sessionIdFor(auth.owner);
      record.sessionId = sessionId;
      const location = fields.location === undefined || fields.location === 'null' ? null : fields.location;
      sessions.set(sessionId, {
        owner: auth.owner, routed: fields['p2p.preference'] === 'disabled', archiveMode: fields.archiveMode ?? 'manual', e2ee: fields.e2ee === 'true',
        location, streams: new Map(), connections: new Set(), muted: false,
      });
      return [200, [{
        session_id: sessionId, project_id: auth.owner, partner_id: auth.owner, create_dt: new Date().toUTCString(),
        session_status: null, status_invalid: null, media_server_hostname: null, messaging_server_url: null, messaging_url: null,
        symphony_address: null, properties: null, ice_server: null, session_segment_id: randomUUID(), ice_servers: null,
        ice_credential_expiration: 86100,
      }]];
    }
    const parts = /^\/v2\/project\/([^/]+)(\/.*)$/.exec(pathname);
    if (!parts) throw new Refusal(404, 'not found');
    const [, ownerSegment, rest] = parts;
    if (decodeURIComponent(ownerSegment) !== auth.owner) throw new Refusal(403, 'the project in the path is not the caller\'s');
    const owner = auth.owner;
    const segments = rest.split('/').slice(1).map((s) => decodeURIComponent(s));
    const is = (m, ...shape) => method === m && segments.length === shape.length && shape.every((s, i) => s === '*' || s === segments[i]);

    if (is('POST', 'archive')) {
      const options = readJson(headers, body);
      record.json = options;
      checkArchiveOptions(options);
      const found = session(owner, options.sessionId);
      if (!found.routed) throw new Refusal(409, 'Archiving needs a routed session');
      if (options.multiArchiveTag === undefined && [...archives.values()].some((a) => a.json.sessionId === options.sessionId && a.json.status === 'started')) {
        throw new Refusal(409, 'The session is already being archived');
      }
      const json = {
        id: randomUUID(), status: 'started', name: options.name ?? null, reason: '', sessionId: options.sessionId,
        ...(auth.kind === 'project' ? { projectId: Number(owner) } : { applicationId: owner }), createdAt: Date.now(), size: 0, duration: 0, outputMode: options.outputMode ?? 'composed',
        streamMode: options.streamMode ?? 'auto', hasAudio: options.hasAudio ?? true, hasVideo: options.hasVideo ?? true,
        resolution: options.resolution ?? '640x480', url: null, password: '', sha256sum: '', event: 'archive', streams: [],
        ...(options.multiArchiveTag === undefined ? {} : { multiArchiveTag: options.multiArchiveTag }),
        ...(options.maxBitrate === undefined ? {} : { maxBitrate: options.maxBitrate }),
        ...(options.quantizationParameter === undefined ? {} : { quantizationParameter: options.quantizationParameter }),
        ...(options.hasTranscription === undefined ? {} : { hasTranscription: options.hasTranscription }),
      };
      archives.set(json.id, { owner, json });
      return [200, json];
    }
    if (is('GET', 'archive')) {
      for (const name of Object.keys(query)) if (!['offset', 'count', 'sessionId'].includes(name)) throw new Refusal(400, `unknown parameter ${name}`);
      const offset = Number(query.offset ?? 0);
      const count = Number(query.count ?? 50);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 1000) throw new Refusal(400, 'offset and count');
      const items = [...archives.values()].filter((a) => a.owner === owner && (query.sessionId === undefined || a.json.sessionId === query.sessionId))
        .map((a) => a.json).reverse();
      return [200, { count: items.length, items: items.slice(offset, offset + count) }];
    }
    if (is('GET', 'archive', '*')) {
      const fault = FAULTS[segments[1]];
      if (fault) return fault;
      return [200, archive(owner, segments[1]).json];
    }
    if (is('POST', 'archive', '*', 'stop')) {
      readJson(headers, body, { optional: true });
      const found = archive(owner, segments[1]);
      if (found.json.status !== 'started') throw new Refusal(409, 'The archive is not being recorded');
      found.json = { ...found.json, status: 'stopped', duration: Math.round((Date.now() - found.json.createdAt) / 1000) };
      return [200, found.json];
    }
    if (is('DELETE', 'archive', '*')) {
      const found = archive(owner, segments[1]);
      if (found.json.status === 'started') throw new Refusal(409, 'A started archive cannot be deleted');
      archives.delete(segments[1]);
      return [204, undefined];
    }
    if (is('DELETE', 'session', '*', 'connection', '*')) {
      const found = session(owner, segments[1]);
      if (!found.connections.delete(segments[3])) throw new Refusal(404, 'Connection not found');
      return [204, undefined];
    }
    if (is('POST', 'session', '*', 'signal') || is('POST', 'session', '*', 'connection', '*', 'signal')) {
      const signal = readJson(headers, body);
      record.json = signal;
      const found = session(owner, segments[1]);
      if (segments.length === 5 && !found.connections.has(segments[3])) throw new Refusal(404, 'Connection not found');
      if (typeof signal !== 'object' || signal === null || typeof signal.data !== 'string') throw new Refusal(400, 'data is required');
      if (Buffer.byteLength(signal.data) > 8192) throw new Refusal(413, 'The signal is too large');
      if (signal.type !== undefined && (typeof signal.type !== 'string' || signal.type.length > 128)) throw new Refusal(400, 'type');
      return [204, undefined];
    }
    if (is('POST', 'session', '*', 'stream', '*', 'mute')) {
      readJson(headers, body, { optional: true });
      const found = session(owner, segments[1]);
      if (!found.streams.has(segments[3])) throw new Refusal(404, 'Stream not found');
      return [200, projectDetails(owner)];
    }
    if (is('POST', 'session', '*', 'mute')) {
      const mute = readJson(headers, body);
      record.json = mute;
      const found = session(owner, segments[1]);
      if (typeof mute.active !== 'boolean') throw new Refusal(400, 'active must be true or false');
      if (mute.excludedStreamIds !== undefined && !(Array.isArray(mute.excludedStreamIds) && mute.excludedStreamIds.every((id) => typeof id === 'string'))) {
        throw new Refusal(400, 'excludedStreamIds must be an array of stream ids');
      }
      found.muted = mute.active;
      return [200, projectDetails(owner)];
    }
    if (is('GET', 'session', '*', 'stream')) {
      const items = [...session(owner, segments[1]).streams.values()];
      return [200, { count: items.length, items }];
    }
    if (is('GET', 'session', '*', 'stream', '*')) {
      const stream = session(owner, segments[1]).streams.get(segments[3]);
      if (!stream) throw new Refusal(404, 'Stream not found');
      return [200, stream];
    }
    throw new Refusal(404, 'not found');
  }

  const FAULTS = {
    'fault-429': [429, { code: 429, message: 'Too many requests' }, { 'retry-after': '7' }],
    'fault-503': [503, { code: 503, message: 'Service unavailable' }, { 'retry-after': '7' }],
    'fault-500': [500, { code: 500, message: 'Something went wrong' }],
    'fault-garbled': [200, 'raw:<html>not json</html>'],
    'fault-shape': [200, [1, 2, 3]],
    'fault-slow': [200, 'slow'],
    'fault-huge': [200, 'huge'],
    'fault-huge-declared': [200, 'huge-declared'],
  };

  function answer(res, status, body, headers = {}) {
    if (body === 'slow') {
      const timer = setTimeout(() => res.destroy(), 30_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (body === 'huge' || body === 'huge-declared') {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const total = 2 * 1024 * 1024;
      res.writeHead(200, { 'content-type': 'application/json', ...(body === 'huge-declared' ? { 'content-length': String(total) } : {}) });
      let sent = 0;
      const more = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        return res.end();
      };
      res.on('error', () => {});
      return more();
    }
    if (body === undefined) {
      res.writeHead(status, headers);
      return res.end();
    }
    const text = typeof body === 'string' && body.startsWith('raw:') ? body.slice(4) : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    return res.end(text);
  }

  const server = createServer((req, res) => {
    const chunks = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY && !refused) {
        refused = true;
        answer(res, 413, { code: 413, message: 'request body too large' });
        req.destroy();
      } else if (!refused) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (refused) return;
      const url = new URL(req.url, 'http://stand-in');
      const body = Buffer.concat(chunks).toString('utf8');
      const query = Object.fromEntries(url.searchParams);
      const record = { method: req.method, path: req.url, pathname: url.pathname, query, headers: req.headers, body };
      requests.push(record);
      if (requests.length > MAX_KEPT) requests.shift();
      if (overrides.length) {
        const override = overrides.shift();
        if (typeof override === 'function') return override(req, res);
        return answer(res, ...override);
      }
      try {
        record.auth = authenticate(req.headers);
        const [status, json, headers] = route(req.method, url.pathname, query, req.headers, body, record.auth, record);
        record.status = status;
        return answer(res, status, json, headers);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        record.status = err.status;
        record.refusal = err.message;
        return answer(res, err.status, { code: err.status, message: err.message }, err.headers);
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    sessions,
    archives,
    /** Makes the next request get STATUS, BODY (a JSON value; `undefined` for none) and HEADERS, as the real API does when it fails. */
    failNext: (status, body, headers = {}) => overrides.push([status, body, headers]),
    /** Hands the next request to HANDLER(req, res). */
    next: (handler) => overrides.push(handler),
    /** Adds a stream (`{ id, videoType, name, layoutClassList }`) to a session this stand-in created. */
    addStream: (sessionId, stream) => sessions.get(sessionId).streams.set(stream.id, stream),
    /** Adds a connection id to a session this stand-in created. */
    addConnection: (sessionId, connectionId) => sessions.get(sessionId).connections.add(connectionId),
    /** How many kept requests went to PATHNAME (a string or a RegExp). */
    count: (pathname) => requests.filter((r) => (typeof pathname === 'string' ? r.pathname === pathname : pathname.test(r.pathname))).length,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}
