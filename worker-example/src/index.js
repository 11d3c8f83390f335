// GET /token?sessionId=…&role=…&expireTime=…&data=…&initialLayoutClassList=…&tokenType=…
// → 200 { token, apiKey, sessionId }, or 400 { error: { code, message } } for bad input.
import { generateToken, TokenError } from 'vonage-video-token';

const QUERY_OPTIONS = ['role', 'expireTime', 'data', 'initialLayoutClassList', 'tokenType'];
// Errors that mean the Worker's own configuration (API_KEY / API_SECRET) is wrong, not the request.
const CONFIGURATION_ERRORS = new Set(['ERR_INVALID_API_KEY', 'ERR_INVALID_API_SECRET']);

function json(body, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function error(status, code, message) {
  return json({ error: { code, message } }, status);
}

/** Turns the query string into generateToken options; the library validates the values. */
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

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/token') {
      return error(404, 'NOT_FOUND', 'GET /token?sessionId=<session id>[&role=…&expireTime=<unix seconds>&data=…]');
    }
    if (request.method !== 'GET') return error(405, 'METHOD_NOT_ALLOWED', 'use GET');
    const sessionId = url.searchParams.get('sessionId');
    if (sessionId === null) return error(400, 'ERR_INVALID_SESSION_ID', 'the sessionId query parameter is required');
    try {
      const token = generateToken(env.API_KEY, env.API_SECRET, sessionId, optionsFrom(url.searchParams));
      return json({ token, apiKey: String(env.API_KEY), sessionId });
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      if (CONFIGURATION_ERRORS.has(err.code)) {
        // Never echo the library's message here: it describes the secret's shape.
        return error(500, 'SERVER_MISCONFIGURED', 'API_KEY / API_SECRET are not set correctly on this Worker');
      }
      return error(400, err.code, err.message);
    }
  },
};
