// The Video REST API entry against the official SDKs: for the same inputs, each call sends what
// @vonage/video 1.31.1 sends with application credentials and what opentok 2.23.2 sends with
// project credentials (method, path, query, content type, body fields, auth header and claims but
// iat/exp/jti), as the REST API stand-in recorded them; and the same answers read into the same
// results as @vonage/video's.
import { test } from 'node:test';
import { deepEqual, equal, ok } from 'node:assert/strict';
import { createRequire } from 'node:module';
import { privateKey, standIn as running, useStandIn } from './stand-in.mjs';
import { APP, KEY, SECRET } from '../suite.mjs';
import { packageEntry } from './package-path.mjs';

const require = createRequire(import.meta.url);
const OpenTok = require('opentok');
const { Video: VonageVideo } = require('@vonage/video');
const { Video } = await import(packageEntry('./video', 'import'));

useStandIn();

/**
 * What a recorded request says, in a form where the SDKs' incidental differences vanish: the
 * form's key order and @vonage/video's `location=null` (no location), a JSON body `{}` or none,
 * opentok's missing `excludedStreamIds` and @vonage/video's `[]`, a query's `offset=0` (the
 * default), header spelling. Everything else must be equal.
 */
function normalize(record) {
  const type = record.headers['content-type']?.split(';')[0].trim().toLowerCase();
  let body;
  if (type === 'application/x-www-form-urlencoded') {
    body = Object.fromEntries([...new URLSearchParams(record.body)].filter(([k, v]) => !(k === 'location' && v === 'null')).sort());
  } else if (record.body !== '') {
    body = JSON.parse(record.body);
    if (Array.isArray(body.excludedStreamIds) && body.excludedStreamIds.length === 0) delete body.excludedStreamIds;
  } else {
    body = {};
  }
  const query = Object.fromEntries(Object.entries(record.query).filter(([k, v]) => !(k === 'offset' && v === '0')).sort());
  const { claims, header, kind } = record.auth ?? {};
  const { iat, exp, jti: _, ...otherClaims } = claims ?? {};
  return {
    method: record.method, pathname: record.pathname, query, type, body, status: record.status,
    auth: { kind, header, claims: otherClaims, lifetime: exp - iat },
  };
}

/** Runs CALL and answers the stand-in's record of the one request it made. */
async function recorded(call) {
  const before = running.current.requests.length;
  try {
    await call();
  } catch {
    // opentok's getStream fails on every JSON answer (it parses the parsed object again); its
    // request is what is compared here.
  }
  equal(running.current.requests.length, before + 1, 'one request per call');
  return running.current.requests.at(-1);
}

const callback = (fn) => new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

/**
 * The calls, each as the official SDK spells it and as this package does, with the same inputs:
 * `sdk(client, ctx)` and `ours(video, ctx)`. `ctx` has the session (created first, by each side
 * itself), an archive started on it, a connection and a stream the stand-in knows.
 */
function calls(kind) {
  const vonage = kind === 'application';
  const routed = vonage ? 'disabled' : 'routed'; // @vonage/video's MediaMode.ROUTED is 'disabled'
  const relayed = vonage ? 'enabled' : 'relayed';
  const archiveOptions = {
    name: 'weekly', outputMode: 'composed', resolution: '1280x720', layout: { type: 'bestFit', screenshareType: 'pip' },
    hasAudio: true, hasVideo: false, streamMode: 'manual', maxBitrate: 2_000_000,
  };
  const filter = (ctx) => ({ offset: 0, count: 5, sessionId: ctx.sessionId });
  return [
    ['createSession (routed, always archived, location)', (c) => (vonage ? c.createSession({ mediaMode: routed, archiveMode: 'always', location: '10.1.2.3' }) : callback((cb) => c.createSession({ mediaMode: routed, archiveMode: 'always', location: '10.1.2.3' }, cb))),
      (v) => v.createSession({ mediaMode: routed, archiveMode: 'always', location: '10.1.2.3' })],
    ['createSession (relayed)', (c) => (vonage ? c.createSession({ mediaMode: relayed, archiveMode: 'manual' }) : callback((cb) => c.createSession({ mediaMode: relayed, archiveMode: 'manual' }, cb))),
      (v) => v.createSession({ mediaMode: relayed, archiveMode: 'manual' })],
    ['startArchive', (c, ctx) => (vonage ? c.startArchive(ctx.sessionId, archiveOptions) : callback((cb) => c.startArchive(ctx.sessionId, archiveOptions, cb))),
      (v, ctx) => v.startArchive(ctx.sessionId, archiveOptions)],
    ['getArchive', (c, ctx) => (vonage ? c.getArchive(ctx.archiveId) : callback((cb) => c.getArchive(ctx.archiveId, cb))), (v, ctx) => v.getArchive(ctx.archiveId)],
    ['searchArchives (no filter)', (c) => (vonage ? c.searchArchives() : callback((cb) => c.listArchives(cb))), (v) => v.searchArchives()],
    ['searchArchives (offset, count, sessionId)', (c, ctx) => (vonage ? c.searchArchives(filter(ctx)) : callback((cb) => c.listArchives(filter(ctx), cb))), (v, ctx) => v.searchArchives(filter(ctx))],
    ['searchArchives (offset 10)', (c) => (vonage ? c.searchArchives({ offset: 10 }) : callback((cb) => c.listArchives({ offset: 10 }, cb))), (v) => v.searchArchives({ offset: 10 })],
    ['stopArchive', (c, ctx) => (vonage ? c.stopArchive(ctx.archiveId) : callback((cb) => c.stopArchive(ctx.archiveId, cb))), (v, ctx) => v.stopArchive(ctx.archiveId)],
    ['deleteArchive', (c, ctx) => (vonage ? c.deleteArchive(ctx.archiveId) : callback((cb) => c.deleteArchive(ctx.archiveId, cb))), (v, ctx) => v.deleteArchive(ctx.archiveId)],
    ['sendSignal (session)', (c, ctx) => (vonage ? c.sendSignal({ type: 'chat', data: 'hello é' }, ctx.sessionId) : callback((cb) => c.signal(ctx.sessionId, null, { type: 'chat', data: 'hello é' }, cb))),
      (v, ctx) => v.sendSignal({ type: 'chat', data: 'hello é' }, ctx.sessionId)],
    ['sendSignal (connection)', (c, ctx) => (vonage ? c.sendSignal({ type: 'chat', data: 'hi' }, ctx.sessionId, 'conn-1') : callback((cb) => c.signal(ctx.sessionId, 'conn-1', { type: 'chat', data: 'hi' }, cb))),
      (v, ctx) => v.sendSignal({ type: 'chat', data: 'hi' }, ctx.sessionId, 'conn-1')],
    ['muteStream', (c, ctx) => (vonage ? c.muteStream(ctx.sessionId, 'stream-1') : callback((cb) => c.forceMuteStream(ctx.sessionId, 'stream-1', cb))), (v, ctx) => v.muteStream(ctx.sessionId, 'stream-1')],
    ['forceMuteAll (none excluded)', (c, ctx) => (vonage ? c.forceMuteAll(ctx.sessionId) : callback((cb) => c.forceMuteAll(ctx.sessionId, cb))), (v, ctx) => v.forceMuteAll(ctx.sessionId)],
    ['forceMuteAll (excluded)', (c, ctx) => (vonage ? c.forceMuteAll(ctx.sessionId, ['stream-1', 'stream-2']) : callback((cb) => c.forceMuteAll(ctx.sessionId, { excludedStreamIds: ['stream-1', 'stream-2'] }, cb))),
      (v, ctx) => v.forceMuteAll(ctx.sessionId, ['stream-1', 'stream-2'])],
    ['disableForceMute', (c, ctx) => (vonage ? c.disableForceMute(ctx.sessionId) : callback((cb) => c.disableForceMute(ctx.sessionId, cb))), (v, ctx) => v.disableForceMute(ctx.sessionId)],
    ['getStreamInfo (one)', (c, ctx) => (vonage ? c.getStreamInfo(ctx.sessionId, 'stream-1') : callback((cb) => c.getStream(ctx.sessionId, 'stream-1', cb))), (v, ctx) => v.getStreamInfo(ctx.sessionId, 'stream-1')],
    ['getStreamInfo (all)', (c, ctx) => (vonage ? c.getStreamInfo(ctx.sessionId) : callback((cb) => c.listStreams(ctx.sessionId, cb))), (v, ctx) => v.getStreamInfo(ctx.sessionId)],
    ['disconnectClient', (c, ctx) => (vonage ? c.disconnectClient(ctx.sessionId, 'conn-1') : callback((cb) => c.forceDisconnect(ctx.sessionId, 'conn-1', cb))), (v, ctx) => v.disconnectClient(ctx.sessionId, 'conn-1')],
  ];
}

/** Runs every call with CLIENT, the SDK's (`sdk`) or ours; answers the normalized records by call name. */
async function side(kind, client, sdk) {
  const ctx = {};
  const seen = {};
  for (const [name, theirs, ours] of calls(kind)) {
    const record = await recorded(() => (sdk ? theirs(client, ctx) : ours(client, ctx)));
    seen[name] = normalize(record);
    if (name.startsWith('createSession (routed')) {
      ctx.sessionId = record.sessionId;
      running.current.addConnection(ctx.sessionId, 'conn-1');
      running.current.addStream(ctx.sessionId, { id: 'stream-1', videoType: 'camera', name: 'Jo', layoutClassList: ['focus'] });
      running.current.addStream(ctx.sessionId, { id: 'stream-2', videoType: 'screen', name: '', layoutClassList: [] });
    }
    if (name === 'startArchive') ctx.archiveId = [...running.current.archives.keys()].at(-1);
  }
  return { seen, ids: [[ctx.sessionId, '<session>'], [ctx.archiveId, '<archive>']] };
}

/** RECORD with each of IDS replaced by its label. */
const named = (record, ids) => JSON.parse(ids.reduce((text, [id, label]) => text.split(id).join(label), JSON.stringify(record)));

for (const [kind, sdkName, makeSdk, makeOurs] of [
  ['application', '@vonage/video 1.31.1', () => new VonageVideo({ applicationId: APP, privateKey }, { videoHost: running.current.url }),
    () => new Video({ applicationId: APP, privateKey }, { videoHost: running.current.url })],
  ['project', 'opentok 2.23.2', () => new OpenTok(KEY, SECRET, { apiUrl: running.current.url }),
    () => new Video({ apiKey: KEY, apiSecret: SECRET }, { videoHost: running.current.url })],
]) {
  test(`with ${kind} credentials every call sends what ${sdkName} sends`, async () => {
    const theirs = await side(kind, makeSdk(), true);
    const ours = await side(kind, makeOurs(), false);
    const owner = kind === 'application' ? APP : KEY;
    for (const name of Object.keys(theirs.seen)) {
      const theirRequest = named(theirs.seen[name], theirs.ids);
      const ourRequest = named(ours.seen[name], ours.ids);
      deepEqual(ourRequest, theirRequest, `${name}: this package's request differs from ${sdkName}'s`);
      ok(ourRequest.pathname === '/session/create' || ourRequest.pathname.startsWith(`/v2/project/${owner}/`), name);
      ok(ourRequest.status >= 200 && ourRequest.status < 300, `${name}: the stand-in refused it: ${ourRequest.status}`);
    }
    equal(Object.keys(ours.seen).length, 18);
  });
}

test('the same answers read into the results @vonage/video returns', async () => {
  const theirs = new VonageVideo({ applicationId: APP, privateKey }, { videoHost: running.current.url });
  const ours = new Video({ applicationId: APP, privateKey }, { videoHost: running.current.url });
  const created = await ours.createSession({ mediaMode: 'routed', location: '10.1.2.3' });
  const sdkCreated = await theirs.createSession({ mediaMode: 'disabled', archiveMode: 'manual', location: '10.1.2.3' });
  // @vonage/video's keys, and e2ee; its mediaMode is its enum's value ('disabled' is routed).
  deepEqual(Object.keys(created), [...Object.keys(sdkCreated), 'e2ee']);
  deepEqual({ ...created, sessionId: '', mediaMode: 'disabled', e2ee: undefined }, { ...sdkCreated, sessionId: '', e2ee: undefined });
  const { sessionId } = created;
  running.current.addStream(sessionId, { id: 'stream-1', videoType: 'camera', name: 'Jo é', layoutClassList: ['focus', 'main'] });
  const archive = await ours.startArchive(sessionId, { name: 'one', hasTranscription: true });
  for (const [name, call] of [
    ['getArchive', (v) => v.getArchive(archive.id)],
    ['searchArchives', (v) => v.searchArchives({ sessionId })],
    ['searchArchives (count 1)', (v) => v.searchArchives({ count: 1 })],
    ['getStreamInfo (one)', (v) => v.getStreamInfo(sessionId, 'stream-1')],
    ['getStreamInfo (all)', (v) => v.getStreamInfo(sessionId)],
    ['muteStream', (v) => v.muteStream(sessionId, 'stream-1')],
    ['forceMuteAll', (v) => v.forceMuteAll(sessionId)],
    ['disableForceMute', (v) => v.disableForceMute(sessionId)],
  ]) {
    deepEqual(await call(ours), await call(theirs), name);
  }
  const stopped = await ours.stopArchive(archive.id);
  equal(stopped.status, 'stopped');
  deepEqual(await ours.getArchive(archive.id), await theirs.getArchive(archive.id));
  equal(await ours.deleteArchive(archive.id), undefined);
  running.current.addConnection(sessionId, 'conn-9');
  equal(await ours.sendSignal({ type: 'x', data: '' }, sessionId, 'conn-9'), undefined);
  equal(await ours.disconnectClient(sessionId, 'conn-9'), undefined);
});
