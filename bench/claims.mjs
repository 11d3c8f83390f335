// What every benchmark contender mints, shared by the Node benchmark and the workerd worker (so no
// Node built-ins here): the project and the application, the session, the typical option set,
// and the claim objects a hand-written token carries, in the official SDKs' key order.

export const KEY = '123456';
export const SECRET = '1234567890abcdef1234567890abcdef1234567890';
export const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
/** The typical option set: a role, connection data and layout classes. */
export const OPTIONS = Object.freeze({ role: 'moderator', data: 'name=Jo', initialLayoutClassList: ['focus', 'main'] });

/** The test application (its key is tests/vectors/rsa-2048.pem) and a session of it. */
export const APP = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';
export const APP_SESSION = `1_${btoa(`1~${APP}~~1726462588647~11xLa1bbhzPeGQGmXsmgxI0k~~~`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

/** opentok-node's claim object, in its key order; `nonce()` gives the nonce. */
export function claims(options, nonce) {
  const ms = Date.now();
  const now = Math.round(ms / 1000);
  const c = { iss: KEY, ist: 'project', iat: Math.floor(ms / 1000), exp: now + 86400, session_id: SESSION, create_time: now, nonce: nonce() };
  c.role = options ? options.role : 'publisher';
  c.expire_time = now + 86400;
  if (options) c.connection_data = options.data;
  c.initial_layout_class_list = options ? options.initialLayoutClassList.join(' ') : '';
  c.scope = 'session.connect';
  return c;
}

/** @vonage/video 1.31's client-token claims, in its order, then @vonage/jwt's jti, iat, application_id. */
export function applicationClaims(options) {
  const now = Math.round(Date.now() / 1000);
  const c = {
    scope: 'session.connect', session_id: APP_SESSION, role: options.role, initial_layout_class_list: options.initialLayoutClassList.join(' '),
    exp: now + 86400, sub: 'video', acl: { paths: { '/session/**': {} } },
  };
  c.connection_data = options.data;
  c.jti = crypto.randomUUID();
  c.iat = Math.floor(Date.now() / 1000);
  c.application_id = APP;
  return c;
}
