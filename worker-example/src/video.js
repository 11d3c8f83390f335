// The Worker's Video REST API client, from its secrets: a project's API_KEY and API_SECRET, or an
// application's APPLICATION_ID and PRIVATE_KEY (PEM). VIDEO_API_URL overrides the API's base URL.
// One client per isolate and set of secrets: an application's key is imported into WebCrypto once.
import { Video } from 'vonage-video-token/video';

let cached;

/** ENV's client and what a client SDK needs beside a token (`{ apiKey }` or `{ applicationId }`). */
function clientFor(env) {
  const key = `${env.APPLICATION_ID ?? ''}\u0000${env.API_KEY ?? ''}\u0000${env.VIDEO_API_URL ?? ''}`;
  if (cached?.key === key) return cached;
  const application = Boolean(env.APPLICATION_ID || env.PRIVATE_KEY);
  const credentials = application
    ? { applicationId: env.APPLICATION_ID, privateKey: env.PRIVATE_KEY }
    : { apiKey: env.API_KEY, apiSecret: env.API_SECRET };
  // The library checks the credentials: a bad one throws its TokenError.
  const video = new Video(credentials, env.VIDEO_API_URL ? { videoHost: env.VIDEO_API_URL } : {});
  cached = { key, video, owner: application ? { applicationId: video.owner } : { apiKey: video.owner } };
  return cached;
}

/** The client for ENV's credentials. */
export const videoFor = (env) => clientFor(env).video;

/** `{ apiKey }` or `{ applicationId }`: what a client SDK needs beside the token. */
export const ownerOf = (env) => clientFor(env).owner;
