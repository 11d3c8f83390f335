// A local stand-in for the Video REST API's session endpoint, for `npm start` and the tests (the
// real API is not reachable from a development machine without an account). It answers
// `POST /session/create` the way the real API does, after checking what a real API would refuse:
//
//   - the credentials: `X-OPENTOK-AUTH` must be an HS256 JWT signed with the project's secret, with
//     `iss` = the API key, `ist` = "project", `iat` and `exp` (opentok's REST token); or
//     `Authorization: Bearer` an RS256 JWT that verifies with the application's public key, with
//     `application_id`, `iat`, `exp`, `jti` (@vonage/jwt's claims); verified with jsonwebtoken;
//   - the body: `application/x-www-form-urlencoded` with `archiveMode` (manual | always),
//     `p2p.preference` (enabled | disabled) and an optional IPv4 `location`, nothing else.
//
// What counts as acceptable was taken from what opentok 2.23 and @vonage/video 1.31 send
// (tests/js/node/video-api-stand-in.test.mjs runs both against it).
//
// It answers `[{ "session_id": … }]` with a session id that names the caller's project or
// application, so tokens minted for it pass the owner check. The last 1000 requests are kept in
// `requests`.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MAX_BODY = 16 * 1024;
const MAX_HEADER = 8 * 1024;
const CLOCK_SKEW = 60;
const MAX_KEPT = 1000;

/** A session id in the real API's format whose owner field is OWNER (an API key or an application id). */
export function sessionIdFor(owner) {
  const random = randomBytes(18).toString('base64url');
  return `1_${Buffer.from(`1~${owner}~~${Date.now()}~${random}~~~`).toString('base64url')}`;
}

/**
 * Starts the stand-in on 127.0.0.1 (PORT 0 picks a free port). PROJECT is { apiKey, apiSecret },
 * APPLICATION is { applicationId, publicKey (PEM) }; either may be left out. Resolves to
 * { url, requests, failNext(status, body), stop() }.
 */
export async function startVideoApiStandIn({ port = 0, project, application } = {}) {
  const jwt = require('jsonwebtoken');
  const requests = [];
  const failures = [];

  function authenticate(headers) {
    const opentok = headers['x-opentok-auth'];
    const bearer = /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
    if ((opentok === undefined) === (bearer === undefined)) return { error: 'send exactly one of X-OPENTOK-AUTH and Authorization: Bearer' };
    const token = opentok ?? bearer;
    if (token.length > MAX_HEADER) return { error: 'the token is too long' };
    let claims;
    let owner;
    try {
      if (opentok !== undefined) {
        if (!project) return { error: 'this stand-in has no project credentials' };
        claims = jwt.verify(token, project.apiSecret, { algorithms: ['HS256'], clockTolerance: CLOCK_SKEW });
        if (claims.iss !== String(project.apiKey)) return { error: `iss must be the API key, got ${JSON.stringify(claims.iss)}` };
        if (claims.ist !== 'project') return { error: `ist must be "project", got ${JSON.stringify(claims.ist)}` };
        owner = String(project.apiKey);
      } else {
        if (!application) return { error: 'this stand-in has no application credentials' };
        claims = jwt.verify(token, application.publicKey, { algorithms: ['RS256'], clockTolerance: CLOCK_SKEW });
        if (claims.application_id !== application.applicationId) return { error: `application_id must be the application's, got ${JSON.stringify(claims.application_id)}` };
        owner = application.applicationId;
      }
    } catch (err) {
      return { error: `the token does not verify: ${err.message}` };
    }
    const now = Math.floor(Date.now() / 1000);
    if (!Number.isInteger(claims.iat) || Math.abs(claims.iat - now) > CLOCK_SKEW) return { error: 'iat must be the current time' };
    if (!Number.isInteger(claims.exp) || claims.exp <= claims.iat) return { error: 'exp must follow iat' };
    // opentok's project tokens carry no jti; application JWTs always do.
    if (bearer !== undefined && (typeof claims.jti !== 'string' || claims.jti === '')) return { error: 'jti is required' };
    return { kind: opentok !== undefined ? 'project' : 'application', owner, claims };
  }

  function readForm(headers, body) {
    if (!/^application\/x-www-form-urlencoded\b/.test(headers['content-type'] ?? '')) return { error: 'the body must be application/x-www-form-urlencoded' };
    const form = new URLSearchParams(body);
    const fields = Object.fromEntries(form);
    for (const name of form.keys()) {
      if (!['archiveMode', 'p2p.preference', 'location'].includes(name)) return { error: `unknown field ${name}` };
    }
    if (form.getAll('archiveMode').length > 1 || form.getAll('p2p.preference').length > 1 || form.getAll('location').length > 1) return { error: 'a field is repeated' };
    if (fields.archiveMode !== undefined && !['manual', 'always'].includes(fields.archiveMode)) return { error: 'archiveMode must be manual or always' };
    if (fields['p2p.preference'] !== undefined && !['enabled', 'disabled'].includes(fields['p2p.preference'])) return { error: 'p2p.preference must be enabled or disabled' };
    if (fields.archiveMode === 'always' && fields['p2p.preference'] !== 'disabled') return { error: 'archiveMode always needs a routed session' };
    // @vonage/video sends `location=null` when no location is chosen, and the API takes it as none.
    if (fields.location !== undefined && fields.location !== 'null' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(fields.location)) return { error: 'location must be an IPv4 address' };
    return { fields };
  }

  const server = createServer((req, res) => {
    const answer = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        answer(413, { code: 413, message: 'request body too large' });
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (size > MAX_BODY) return;
      const record = { method: req.method, path: req.url, headers: req.headers };
      requests.push(record);
      if (requests.length > MAX_KEPT) requests.shift();
      if (failures.length) return answer(...failures.shift());
      if (req.url !== '/session/create') return answer(404, { code: 404, message: 'not found' });
      if (req.method !== 'POST') return answer(405, { code: 405, message: 'method not allowed' });
      const auth = authenticate(req.headers);
      record.auth = auth;
      if (auth.error) return answer(403, { code: 403, message: `Authentication failed: ${auth.error}` });
      record.body = Buffer.concat(chunks).toString('utf8');
      const form = readForm(req.headers, record.body);
      record.form = form.fields;
      if (form.error) return answer(400, { code: 400, message: form.error });
      const sessionId = sessionIdFor(auth.owner);
      record.sessionId = sessionId;
      answer(200, [{
        session_id: sessionId,
        project_id: auth.owner,
        partner_id: auth.owner,
        create_dt: new Date().toUTCString(),
        session_status: null,
        status_invalid: null,
        media_server_hostname: null,
        messaging_server_url: null,
        messaging_url: null,
        symphony_address: null,
        properties: null,
        ice_server: null,
        session_segment_id: crypto.randomUUID(),
        ice_servers: null,
        ice_credential_expiration: 86100,
      }]);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  const stop = () => new Promise((resolve) => server.close(resolve));
  /** Makes the next request get STATUS and BODY, as the real API does when it fails. */
  const failNext = (status, body) => {
    failures.push([status, body]);
  };
  return { url, requests, failNext, stop };
}
