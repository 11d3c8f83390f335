// The Worker's Video REST API client, from its secrets: a project's API_KEY and API_SECRET, or an
// application's APPLICATION_ID and PRIVATE_KEY (PEM). VIDEO_API_URL overrides the API's base URL.
// One client per isolate and set of secrets: an application's key is imported into WebCrypto once.
import { Video } from 'vonage-video-token/video';

let cached;

/** The client for ENV's credentials (the library checks them: a bad one throws its TokenError). */
export function videoFor(env) {
  const key = `${env.APPLICATION_ID ?? ''}\u0000${env.API_KEY ?? ''}\u0000${env.VIDEO_API_URL ?? ''}`;
  if (cached?.key === key) return cached.video;
  const credentials = env.APPLICATION_ID || env.PRIVATE_KEY
    ? { applicationId: env.APPLICATION_ID, privateKey: env.PRIVATE_KEY }
    : { apiKey: env.API_KEY, apiSecret: env.API_SECRET };
  const options = env.VIDEO_API_URL ? { videoHost: env.VIDEO_API_URL } : {};
  cached = { key, video: new Video(credentials, options) };
  return cached.video;
}

/** `{ apiKey }` or `{ applicationId }`: what a client SDK needs beside the token. */
export function ownerOf(env) {
  const video = videoFor(env);
  return env.APPLICATION_ID || env.PRIVATE_KEY ? { applicationId: video.owner } : { apiKey: video.owner };
}
