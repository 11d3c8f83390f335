/**
 * The Video REST API at the edge: sessions, archives and moderation, with a `Video` class shaped
 * like `@vonage/video` 1.31's, for an application's credentials or a project's. Every argument is
 * checked before anything is sent; the request is built and the answer read in WebAssembly, and
 * the only I/O is one `fetch` per call. A failure rejects with a {@link TokenError} whose code
 * says what happened; nothing is retried.
 *
 * @packageDocumentation
 */
import type { TokenOptions } from 'vonage-video-token';

export { TokenError } from 'vonage-video-token';
export type { Role, TokenErrorCode, TokenOptions } from 'vonage-video-token';

/** A Vonage application's credentials (as `@vonage/video` takes them): the API at `https://video.api.vonage.com`. */
export interface ApplicationCredentials {
  /** The application id, a UUID. */
  applicationId: string;
  /** The application's RSA private key, PEM (PKCS#8 or PKCS#1), 2048 to 16384 bits. */
  privateKey: string;
}

/** A project's credentials (as `opentok` takes them): the API at `https://api.opentok.com`. */
export interface ProjectCredentials {
  /** The project's API key: a positive safe integer or a string of ASCII digits. */
  apiKey: string | number;
  /** The project's API secret. */
  apiSecret: string;
}

/**
 * The parts of an `AbortSignal` this entry uses (declared here so that these types need no DOM
 * or Node types; any `AbortSignal` fits).
 */
export interface VideoAbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

declare global {
  /**
   * The runtime's `AbortSignal` (DOM, Workers, Node's globals), merged with nothing: declared
   * here so that these types compile without those libs too (then it is empty).
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface AbortSignal {}
}

/** What a `fetch` gets from this entry: one request. */
export interface VideoFetchInit {
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  /** The body, for POST: JSON or a form (the `content-type` header says which). */
  body?: string;
  /** Aborts on the timeout or the caller's signal: a real `AbortSignal`. */
  signal: AbortSignal;
}

/** The parts of a fetch `Response` this entry reads (any `Response` fits). */
export interface VideoFetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
    cancel(): Promise<void>;
  } | null;
}

/** Options of a {@link Video} client. */
export interface VideoOptions {
  /** The API's base URL (http: or https:, no query). Default: the credentials' host. */
  videoHost?: string;
  /** The `fetch` to call. Default: `globalThis.fetch`, looked up on each call. */
  fetch?: (url: string, init: VideoFetchInit) => Promise<VideoFetchResponse>;
  /** How long a call may take, request and whole answer, in milliseconds (1 to 600000). Default 10000. */
  timeout?: number;
}

/** The last argument of every call. */
export interface RequestOptions {
  /** Aborts the call: it rejects with `ERR_API_ABORTED`. */
  signal?: VideoAbortSignal;
  /** This call's timeout in milliseconds (1 to 600000), instead of the client's. */
  timeout?: number;
}

/** `'routed'` (through the Media Router: archiving, e2ee) or `'relayed'` (peer to peer). `@vonage/video`'s `'disabled'` and `'enabled'` mean the same. */
export type MediaMode = 'routed' | 'relayed' | 'disabled' | 'enabled';

/** A new session's options. */
export interface SessionOptions {
  /** Default `'routed'` (as `@vonage/video`; `opentok`'s default is relayed). */
  mediaMode?: MediaMode;
  /** `'always'` needs a routed session and no e2ee. Default `'manual'`. */
  archiveMode?: 'manual' | 'always';
  /** An IPv4 address near the clients, as a hint for the media server's location. */
  location?: string;
  /** End-to-end encryption (routed sessions, not archived always). Default `false`. */
  e2ee?: boolean;
}

/** A new session: its id, and the options it was created with. */
export interface Session {
  sessionId: string;
  archiveMode: 'manual' | 'always';
  mediaMode: 'routed' | 'relayed';
  location: string | null;
  e2ee: boolean;
}

/** How an archive lays out its streams (composed archives). */
export interface ArchiveLayout {
  type: 'bestFit' | 'custom' | 'horizontalPresentation' | 'pip' | 'verticalPresentation';
  /** CSS, with `type: 'custom'` only (and required there); at most 16384 characters. */
  stylesheet?: string;
  /** The layout while a screen is shared, with `type: 'bestFit'` only. */
  screenshareType?: 'bestFit' | 'horizontalPresentation' | 'pip' | 'verticalPresentation';
}

/** A new archive's options; sent as given, after checking. */
export interface ArchiveOptions {
  /** At most 1024 characters. */
  name?: string;
  outputMode?: 'composed' | 'individual';
  resolution?: '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';
  layout?: ArchiveLayout;
  hasAudio?: boolean;
  hasVideo?: boolean;
  streamMode?: 'auto' | 'manual';
  /** At most 1024 characters. */
  multiArchiveTag?: string;
  /** Bits per second, 100000 to 6000000; not with `quantizationParameter`. */
  maxBitrate?: number;
  /** 15 to 40; not with `maxBitrate`. */
  quantizationParameter?: number;
  hasTranscription?: boolean;
  transcriptionProperties?: { primaryLanguageCode: string; hasSummary?: boolean };
}

/** An archive, as the API describes it (its JSON, unchanged: fields it adds come too). */
export interface Archive {
  id: string;
  status: 'started' | 'paused' | 'stopped' | 'uploaded' | 'available' | 'expired' | 'failed' | string;
  name?: string | null;
  reason?: string;
  sessionId: string;
  projectId?: number | string;
  applicationId?: string;
  /** Unix time in milliseconds. */
  createdAt: number;
  /** Seconds. */
  duration?: number;
  /** Bytes. */
  size?: number;
  url?: string | null;
  outputMode?: 'composed' | 'individual';
  streamMode?: 'auto' | 'manual';
  resolution?: string;
  hasAudio?: boolean;
  hasVideo?: boolean;
  streams?: Array<{ streamId: string; hasAudio: boolean; hasVideo: boolean }>;
  [field: string]: unknown;
}

/** A page of archives: `count` is how many there are in all. */
export interface ArchiveSearch {
  count: number;
  items: Archive[];
}

/** Which archives {@link Video.searchArchives} returns. */
export interface ArchiveFilter {
  /** How many to skip, 0 or more. */
  offset?: number;
  /** How many to return, 1 to 1000 (the API's default is 50). */
  count?: number;
  /** Only this session's. */
  sessionId?: string;
}

/** A signal to every client in a session, or to one connection. */
export interface Signal {
  /** At most 128 characters of `A–Z a–z 0–9 - _ ~ .`. */
  type: string;
  /** At most 8192 UTF-16 code units. */
  data: string;
}

/** A stream in a session. */
export interface Stream {
  id: string;
  videoType: 'camera' | 'screen' | 'custom' | string;
  name: string;
  layoutClassList: string[];
  [field: string]: unknown;
}

/** The streams of a session. */
export interface StreamList {
  count: number;
  items: Stream[];
}

/** What the API answers to a mute: the project's details, as it sends them. */
export type ProjectDetails = Record<string, unknown>;

/**
 * The Video REST API for one application or project. Each method checks every argument
 * synchronously (a bad one rejects before anything is sent), mints a fresh REST credential
 * (an RS256 application JWT, or the project's HS256 `X-OPENTOK-AUTH` token), makes one `fetch`
 * and reads the answer, at most 1 MiB of it.
 *
 * Each method rejects with a {@link TokenError}: an argument's code (`ERR_INVALID_OPTIONS`,
 * `ERR_UNKNOWN_OPTION`, `ERR_INVALID_SESSION_ID`, `ERR_SESSION_KEY_MISMATCH`,
 * `ERR_INVALID_ARCHIVE_ID`, `ERR_INVALID_CONNECTION_ID`, `ERR_INVALID_STREAM_ID`,
 * `ERR_INVALID_SIGNAL`), or `ERR_API_STATUS` (with `status`, `retryAfter` and `apiMessage`),
 * `ERR_API_UNREACHABLE`, `ERR_API_TIMEOUT`, `ERR_API_ABORTED`, `ERR_API_ANSWER`,
 * `ERR_API_ANSWER_TOO_LARGE`; each carries `operation`, the method's name. No message repeats a
 * credential.
 *
 * @example
 * ```ts
 * import { Video } from 'vonage-video-token/video';
 * const video = new Video({ applicationId: env.VONAGE_APPLICATION_ID, privateKey: env.VONAGE_PRIVATE_KEY });
 * const { sessionId } = await video.createSession({ mediaMode: 'routed' });
 * const token = await video.generateClientToken(sessionId, { role: 'moderator' });
 * const archive = await video.startArchive(sessionId, { name: 'standup' });
 * ```
 */
export declare class Video {
  /**
   * @param credentials - An application's `{ applicationId, privateKey }` or a project's `{ apiKey, apiSecret }`.
   * @param options - `videoHost`, `fetch`, `timeout`.
   * @throws {TokenError} `ERR_INVALID_OPTIONS` (neither or both kinds of credentials, a bad option),
   *   `ERR_UNKNOWN_OPTION`, `ERR_INVALID_APPLICATION_ID`, `ERR_INVALID_PRIVATE_KEY`,
   *   `ERR_INVALID_API_KEY`, `ERR_INVALID_API_SECRET`.
   */
  constructor(credentials: ApplicationCredentials | ProjectCredentials, options?: VideoOptions | null);
  /** The application id or API key the calls are for. */
  readonly owner: string;
  /** A client token for a session of these credentials: RS256 for an application, HS256 for a project. */
  generateClientToken(sessionId: string, options?: TokenOptions | null): Promise<string>;
  /** `POST /session/create`. */
  createSession(options?: SessionOptions | null, request?: RequestOptions): Promise<Session>;
  /** Starts archiving a routed session. */
  startArchive(sessionId: string, options?: ArchiveOptions | null, request?: RequestOptions): Promise<Archive>;
  /** Stops an archive. */
  stopArchive(archiveId: string, request?: RequestOptions): Promise<Archive>;
  /** An archive's details. */
  getArchive(archiveId: string, request?: RequestOptions): Promise<Archive>;
  /** A page of the archives, newest first. */
  searchArchives(filter?: ArchiveFilter | null, request?: RequestOptions): Promise<ArchiveSearch>;
  /** Deletes an archive's recording. */
  deleteArchive(archiveId: string, request?: RequestOptions): Promise<void>;
  /** Disconnects a client from a session. */
  disconnectClient(sessionId: string, connectionId: string, request?: RequestOptions): Promise<void>;
  /** Sends a signal to every client in the session, or to one connection. */
  sendSignal(signal: Signal, sessionId: string, connectionId?: string | null, request?: RequestOptions): Promise<void>;
  /** Mutes one stream's audio. */
  muteStream(sessionId: string, streamId: string, request?: RequestOptions): Promise<ProjectDetails | undefined>;
  /** Mutes every stream but the excluded ones (at most 1000), and streams published later. */
  forceMuteAll(sessionId: string, excludedStreamIds?: readonly string[] | null, request?: RequestOptions): Promise<ProjectDetails | undefined>;
  /** Ends a `forceMuteAll`. */
  disableForceMute(sessionId: string, excludedStreamIds?: readonly string[] | null, request?: RequestOptions): Promise<ProjectDetails | undefined>;
  /** One stream's details, or (without `streamId`) every stream's. */
  getStreamInfo(sessionId: string, streamId: string, request?: RequestOptions): Promise<Stream>;
  getStreamInfo(sessionId: string, streamId?: null, request?: RequestOptions): Promise<StreamList>;
}
