// The Video REST API (the `vonage-video-token/video` entry): a `Video` class shaped like
// `@vonage/video`'s, for project or application credentials. The module builds every request
// after checking every argument (src/video/ in the crate) and reads every answer; this layer
// reads the JavaScript values (types, own keys, bounded sizes), adds the credentials' header and
// calls `fetch`, with a timeout, the caller's AbortSignal, and a bounded read of the answer. No
// retries: a failure is a TokenError with a code, and what a retry needs (`status`,
// `retryAfter`) on it.
import { videoModule } from './boundary.js';
import { TokenError, fail, kind, reasonError } from './errors.js';
import { apiKeyText, checkApiSecret, checkSessionId, fit, readOwnOptions } from './inputs.js';
import { LIMITS, REASON } from './tables.js';

export { TokenError } from './errors.js';

// The token APIs this entry uses, from the main entry's and lib/full's file of the same kind (the
// entry hands them over as it loads, so that their code and modules are not copied in here).
let TokenGenerator;
let ClientTokenGenerator;
let generateRestToken;

/** Called once by the entry as it loads. */
export function bind(apis) {
  ({ TokenGenerator, ClientTokenGenerator, generateRestToken } = apis);
}

/** The calls, in the module's order (wasm/src/video.rs). */
const CALLS = ['createSession', 'startArchive', 'stopArchive', 'getArchive', 'searchArchives', 'deleteArchive',
  'disconnectClient', 'sendSignal', 'muteStream', 'forceMuteAll', 'disableForceMute', 'getStreamInfo'];
const CALL = Object.fromEntries(CALLS.map((name, index) => [name, index]));

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 600_000;
const decoder = new TextDecoder();

/**
 * JSON of an options value, built here rather than by JSON.stringify: own enumerable keys only
 * (nothing inherited), getters that throw become ERR_INVALID_OPTIONS, strings are cut to the
 * limit plus one (so no hostile size is copied whole), and the text stops growing past the limit.
 */
function boundedJson(value, what) {
  const limit = LIMITS.videoOptions;
  let out = '';
  const add = (text) => {
    out += text;
    if (out.length > limit) throw fail('ERR_INVALID_OPTIONS', `${what} is too large: its JSON must be at most ${limit} characters`);
  };
  const write = (item, depth) => {
    if (depth > 8) throw fail('ERR_INVALID_OPTIONS', `${what} is nested too deeply`);
    if (item === null || item === undefined) return add('null');
    switch (typeof item) {
      case 'boolean': return add(item ? 'true' : 'false');
      case 'number':
        if (!Number.isFinite(item)) throw fail('ERR_INVALID_OPTIONS', `${what} holds ${kind(item)}, which JSON cannot carry`);
        return add(String(item));
      case 'string': return add(JSON.stringify(fit(item, limit)));
      case 'object': break;
      default: throw fail('ERR_INVALID_OPTIONS', `${what} holds ${kind(item)}, which is not JSON`);
    }
    let keys;
    let isArray;
    try {
      isArray = Array.isArray(item);
      keys = isArray ? undefined : Object.keys(item);
    } catch (cause) {
      throw fail('ERR_INVALID_OPTIONS', `${what} could not be read`, cause);
    }
    const read = (key) => {
      try {
        return item[key];
      } catch (cause) {
        throw fail('ERR_INVALID_OPTIONS', `${what} could not be read`, cause);
      }
    };
    if (isArray) {
      const length = read('length');
      add('[');
      for (let i = 0; i < length; i++) {
        if (i > 0) add(',');
        write(read(i), depth + 1);
      }
      return add(']');
    }
    add('{');
    keys.forEach((key, i) => {
      add(`${i > 0 ? ',' : ''}${JSON.stringify(fit(key, 64))}:`);
      write(read(key), depth + 1);
    });
    return add('}');
  };
  write(value, 0);
  return out;
}

/** An options argument: `undefined`/`null` for none, or a plain object with only `names`, as JSON. */
function optionsJson(options, names) {
  if (options === undefined || options === null) return '';
  return boundedJson(readOwnOptions(options, names), 'options');
}

/** An id argument that must be a string (the module checks its form); cut to its maximum plus one. */
function idText(id, code, name) {
  if (typeof id !== 'string') throw fail(code, `${name} must be a string, got ${kind(id)}`);
  return fit(id, LIMITS.videoId);
}

/** A session id argument: a well-formed string (the module checks its form), cut to its maximum plus one. */
function sessionText(sessionId) {
  checkSessionId(sessionId);
  return fit(sessionId, LIMITS.sessionId);
}

/** The API's base URL: an http(s) URL without query or fragment; a trailing slash goes. */
function readHost(host) {
  if (typeof host !== 'string') throw fail('ERR_INVALID_OPTIONS', `options.videoHost must be a URL string, got ${kind(host)}`);
  let url;
  try {
    url = new URL(fit(host, 2048));
  } catch {
    throw fail('ERR_INVALID_OPTIONS', 'options.videoHost must be an absolute http: or https: URL');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw fail('ERR_INVALID_OPTIONS', 'options.videoHost must be an http: or https: URL without credentials, query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function readTimeout(timeout, name) {
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_MS) {
    throw fail('ERR_INVALID_OPTIONS', `${name} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${kind(timeout)}`);
  }
  return timeout;
}

function isAbortSignal(signal) {
  return typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function';
}

/** Per-call request options (the last argument of every method): `{ signal, timeout }`. */
function readRequestOptions(options, defaultTimeout) {
  const { signal, timeout } = readOwnOptions(options, ['signal', 'timeout']);
  if (signal !== undefined && !isAbortSignal(signal)) throw fail('ERR_INVALID_OPTIONS', `signal must be an AbortSignal, got ${kind(signal)}`);
  return { signal, timeout: timeout === undefined ? defaultTimeout : readTimeout(timeout, 'timeout') };
}

/** One signal that aborts on the caller's signal or after `timeout` ms; which one fired, after. */
function abortSignals(callerSignal, timeout) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  if (callerSignal?.aborted) controller.abort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    fault: (cause) => {
      if (callerSignal?.aborted) return reasonError(REASON.ApiAborted, '', cause);
      if (timedOut) return reasonError(REASON.ApiTimeout, ` (after ${timeout} ms)`, cause);
      return undefined;
    },
    done: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** The answer's bytes, at most `limit` + 1 of them read: a longer answer is refused as it arrives. */
async function readBounded(response, limit) {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw reasonError(REASON.ApiAnswerTooLarge);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw reasonError(REASON.ApiAnswerTooLarge);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** `Retry-After` as seconds from now (a number of seconds, or an HTTP date), or undefined. */
function retryAfter(header) {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The Video REST API for one project or application; see video.d.ts. */
export class Video {
  #owner;
  #application;
  #apiSecret;
  #tokens;
  #host;
  #fetch;
  #timeout;

  constructor(credentials, options) {
    if (typeof credentials !== 'object' || credentials === null) {
      throw fail('ERR_INVALID_OPTIONS', `credentials must be { applicationId, privateKey } or { apiKey, apiSecret }, got ${kind(credentials)}`);
    }
    const given = readOwnOptions(credentials, ['applicationId', 'privateKey', 'apiKey', 'apiSecret']);
    const application = given.applicationId !== undefined || given.privateKey !== undefined;
    if (application === (given.apiKey !== undefined || given.apiSecret !== undefined)) {
      throw fail('ERR_INVALID_OPTIONS', 'credentials must be { applicationId, privateKey } or { apiKey, apiSecret }, one kind only');
    }
    if (application) {
      // Checks the id and the key, and imports the key into WebCrypto once.
      this.#tokens = new ClientTokenGenerator(given.applicationId, given.privateKey);
      this.#owner = given.applicationId;
    } else {
      const key = apiKeyText(given.apiKey);
      checkApiSecret(given.apiSecret);
      // Checks both; its key schedules make the project's client tokens.
      this.#tokens = new TokenGenerator(key, given.apiSecret);
      this.#owner = key;
      this.#apiSecret = given.apiSecret;
    }
    this.#application = application;
    const { videoHost, fetch: fetchFunction, timeout } = readOwnOptions(options, ['videoHost', 'fetch', 'timeout']);
    this.#host = videoHost === undefined ? (application ? 'https://video.api.vonage.com' : 'https://api.opentok.com') : readHost(videoHost);
    if (fetchFunction !== undefined && typeof fetchFunction !== 'function') throw fail('ERR_INVALID_OPTIONS', `options.fetch must be a function, got ${kind(fetchFunction)}`);
    // Called as a plain function: a runtime's own fetch refuses another `this` ("Illegal invocation").
    this.#fetch = fetchFunction === undefined ? (url, init) => globalThis.fetch(url, init) : (url, init) => fetchFunction.call(undefined, url, init);
    this.#timeout = timeout === undefined ? DEFAULT_TIMEOUT_MS : readTimeout(timeout, 'options.timeout');
  }

  /** The API key or application id these calls are for. */
  get owner() {
    return this.#owner;
  }

  /** A client token for a session of these credentials (a Promise, for either kind). */
  async generateClientToken(sessionId, options) {
    try {
      return await this.#tokens.generateToken(sessionId, options);
    } catch (error) {
      // A project's generator lives in the main module's instance; after a call cut off inside
      // that module it is replaced (boundary.js), and this client makes its generator again.
      if (this.#application || !(error instanceof TokenError) || error.code !== 'ERR_GENERATOR_FREED') throw error;
      this.#tokens = new TokenGenerator(this.#owner, this.#apiSecret);
      return this.#tokens.generateToken(sessionId, options);
    }
  }

  /** Creates a session (`POST /session/create`); resolves to `{ sessionId, archiveMode, mediaMode, location, e2ee }`. */
  async createSession(options, request) {
    return this.#call('createSession', () => ({ options: optionsJson(options, ['mediaMode', 'archiveMode', 'location', 'e2ee']) }), request);
  }

  /** Starts archiving a session; resolves to the archive, as the API describes it. */
  async startArchive(sessionId, options, request) {
    const names = ['name', 'outputMode', 'resolution', 'layout', 'hasAudio', 'hasVideo', 'streamMode', 'multiArchiveTag',
      'maxBitrate', 'quantizationParameter', 'hasTranscription', 'transcriptionProperties'];
    return this.#call('startArchive', () => ({ sessionId: sessionText(sessionId), options: optionsJson(options, names) }), request);
  }

  /** Stops an archive; resolves to the archive. */
  async stopArchive(archiveId, request) {
    return this.#call('stopArchive', () => ({ id: idText(archiveId, 'ERR_INVALID_ARCHIVE_ID', 'archiveId') }), request);
  }

  /** Resolves to one archive. */
  async getArchive(archiveId, request) {
    return this.#call('getArchive', () => ({ id: idText(archiveId, 'ERR_INVALID_ARCHIVE_ID', 'archiveId') }), request);
  }

  /** Resolves to a page of archives, `{ count, items }`. */
  async searchArchives(filter, request) {
    return this.#call('searchArchives', () => ({ options: optionsJson(filter, ['offset', 'count', 'sessionId']) }), request);
  }

  /** Deletes an archive; resolves to undefined. */
  async deleteArchive(archiveId, request) {
    return this.#call('deleteArchive', () => ({ id: idText(archiveId, 'ERR_INVALID_ARCHIVE_ID', 'archiveId') }), request);
  }

  /** Disconnects a client from a session; resolves to undefined. */
  async disconnectClient(sessionId, connectionId, request) {
    return this.#call('disconnectClient', () => ({ sessionId: sessionText(sessionId), id: idText(connectionId, 'ERR_INVALID_CONNECTION_ID', 'connectionId') }), request);
  }

  /** Sends a signal to every client in a session, or to one connection; resolves to undefined. */
  async sendSignal(signal, sessionId, connectionId, request) {
    return this.#call('sendSignal', () => {
      if (typeof signal !== 'object' || signal === null) throw fail('ERR_INVALID_SIGNAL', `signal must be { type, data }, got ${kind(signal)}`);
      if (connectionId === '') throw fail('ERR_INVALID_CONNECTION_ID', 'connectionId must not be empty (leave it out to signal every client)');
      const id = connectionId === undefined || connectionId === null ? '' : idText(connectionId, 'ERR_INVALID_CONNECTION_ID', 'connectionId');
      return { sessionId: sessionText(sessionId), id, options: boundedJson(readOwnOptions(signal, ['type', 'data']), 'signal') };
    }, request);
  }

  /** Mutes one stream; resolves to the project details the API answers with. */
  async muteStream(sessionId, streamId, request) {
    return this.#call('muteStream', () => ({ sessionId: sessionText(sessionId), id: idText(streamId, 'ERR_INVALID_STREAM_ID', 'streamId') }), request);
  }

  /** Mutes every stream of a session but the excluded ones; resolves to the project details. */
  async forceMuteAll(sessionId, excludedStreamIds, request) {
    return this.#call('forceMuteAll', () => ({ sessionId: sessionText(sessionId), options: streamIdsJson(excludedStreamIds) }), request);
  }

  /** Ends forceMuteAll; resolves to the project details. */
  async disableForceMute(sessionId, excludedStreamIds, request) {
    return this.#call('disableForceMute', () => ({ sessionId: sessionText(sessionId), options: streamIdsJson(excludedStreamIds) }), request);
  }

  /** Resolves to one stream, or (without a stream id) to every stream, `{ count, items }`. */
  async getStreamInfo(sessionId, streamId, request) {
    return this.#call('getStreamInfo', () => {
      if (streamId === '') throw fail('ERR_INVALID_STREAM_ID', 'streamId must not be empty (leave it out for every stream)');
      const id = streamId === undefined || streamId === null ? '' : idText(streamId, 'ERR_INVALID_STREAM_ID', 'streamId');
      return { sessionId: sessionText(sessionId), id };
    }, request);
  }

  /** The credentials' header for one request: a fresh REST token or application JWT. */
  async #authorization() {
    if (this.#application) return ['authorization', `Bearer ${await this.#tokens.generateApplicationJwt()}`];
    return ['x-opentok-auth', generateRestToken(this.#owner, this.#apiSecret)];
  }

  /**
   * One call (see #send): `texts()` reads the arguments; any TokenError, from them or the call,
   * names the call (`operation`).
   */
  async #call(name, texts, requestOptions) {
    try {
      return await this.#send(name, texts(), requestOptions);
    } catch (error) {
      if (error instanceof TokenError && !Object.hasOwn(error, 'operation')) Object.defineProperty(error, 'operation', { value: name, enumerable: true });
      throw error;
    }
  }

  /**
   * One call: its request built (and every argument checked) in the module, sent, and its answer
   * read there. Everything before `fetch` runs before the first `await`, so bad input rejects
   * before anything is sent.
   */
  async #send(name, { sessionId = '', id = '', options = '' }, requestOptions) {
    const call = CALL[name];
    const { signal: callerSignal, timeout } = readRequestOptions(requestOptions, this.#timeout);
    const texts = [this.#owner, sessionId, id, options];
    const text = texts.join('');
    const units = texts.map((t) => t.length);
    const application = this.#application ? 1 : 0;
    const m = videoModule();
    const request = m.call({ text }, (wasm, _, textLength) => wasm.video_request(call, application, textLength, ...units), (length) => {
      m.check(length);
      const [method, path, type, body] = m.answerParts(4);
      return { method: decoder.decode(method), path: decoder.decode(path), type: decoder.decode(type), body: decoder.decode(body) };
    });
    const [authName, authValue] = await this.#authorization();
    const headers = { accept: 'application/json', [authName]: authValue };
    if (request.type) headers['content-type'] = request.type;
    const aborts = abortSignals(callerSignal, timeout);
    let status;
    let bytes;
    let retry;
    try {
      let response;
      try {
        response = await this.#fetch(this.#host + request.path, {
          method: request.method, headers, body: request.type ? request.body : undefined, signal: aborts.signal,
        });
      } catch (cause) {
        throw aborts.fault(cause) ?? reasonError(REASON.ApiUnreachable, ` (${name})`, cause);
      }
      status = response.status;
      retry = retryAfter(response.headers.get('retry-after'));
      try {
        bytes = await readBounded(response, LIMITS.videoAnswer);
      } catch (cause) {
        if (cause instanceof TokenError) throw cause;
        throw aborts.fault(cause) ?? reasonError(REASON.ApiAnswer, ` (the answer to ${name} could not be read)`, cause);
      }
    } finally {
      aborts.done();
    }
    return m.call({ text, bytes }, (wasm, _, textLength) => wasm.video_answer(call, application, textLength, ...units, status, bytes.length), (length) => {
      if (length < 0) throw describe(reasonError(-1 - length), name, status, retry, bytes, authValue, this.#apiSecret);
      return length === 0 ? undefined : JSON.parse(m.utf8(m.answerSpans(1)[0]));
    });
  }
}

/** An error answer, with what a caller needs to decide on a retry; never a credential. */
function describe(error, name, status, retry, bytes, ...credentials) {
  if (error.code === 'ERR_API_STATUS') {
    error.message += `: ${status} to ${name}`;
    Object.defineProperty(error, 'status', { value: status, enumerable: true });
    if (retry !== undefined) Object.defineProperty(error, 'retryAfter', { value: retry, enumerable: true });
    // The API's own explanation, when it is a short JSON message that repeats no credential.
    let message;
    try {
      message = JSON.parse(decoder.decode(bytes.subarray(0, 4096)))?.message;
    } catch {
      message = undefined;
    }
    if (typeof message === 'string' && message.length <= 500 && !credentials.some((c) => typeof c === 'string' && c.length >= 8 && message.includes(c.replace(/^Bearer /, '')))) {
      Object.defineProperty(error, 'apiMessage', { value: message, enumerable: true });
    }
  } else {
    error.message += ` (${name})`;
  }
  return error;
}

/** `excludedStreamIds`: undefined, or an array of strings, as JSON. */
function streamIdsJson(ids) {
  if (ids === undefined || ids === null) return '';
  let isArray = false;
  try {
    isArray = Array.isArray(ids);
  } catch {
    isArray = false;
  }
  if (!isArray) throw fail('ERR_INVALID_STREAM_ID', `excludedStreamIds must be an array of stream ids, got ${kind(ids)}`);
  return boundedJson(ids, 'excludedStreamIds');
}
