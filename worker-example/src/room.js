// One Durable Object per room name: it holds the room's session id, created through the Video
// REST API the first time anyone asks. Requests that arrive together while it is being created
// share the one creation; a failed creation is not remembered (the next request tries again).
import { DurableObject } from 'cloudflare:workers';
import { TokenError } from 'vonage-video-token/video';
import { videoFor } from './video.js';

export class Room extends DurableObject {
  #session;

  /**
   * The room's session id: `{ sessionId }`, or `{ error: { code, status, retryAfter } }` when it
   * could not be created (an answer rather than a throw: errors lose their fields over RPC).
   */
  async session() {
    this.#session ??= this.#create().catch((err) => {
      this.#session = undefined;
      throw err;
    });
    try {
      return { sessionId: await this.#session };
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      return { error: { code: err.code, message: err.message, status: err.status, retryAfter: err.retryAfter } };
    }
  }

  async #create() {
    const stored = await this.ctx.storage.get('sessionId');
    if (typeof stored === 'string') return stored;
    const { sessionId } = await videoFor(this.env).createSession({ mediaMode: 'routed' });
    await this.ctx.storage.put('sessionId', sessionId);
    return sessionId;
  }
}
