// How the Worker mints a client token: the Video client's generateClientToken (HS256 for a
// project, RS256 for an application).
import { videoFor } from './video.js';

/** A client token for SESSION_ID with OPTIONS (role, expireTime, data, initialLayoutClassList, tokenType). */
export function mintToken(env, sessionId, options) {
  return videoFor(env).generateClientToken(sessionId, options);
}
