// The REST API stand-in that `npm start` and the worker example's tests run against: it accepts
// exactly what the official SDKs send (opentok with project credentials, @vonage/video with
// application credentials) and what this package's REST tokens carry, and refuses what the real
// API would refuse.
import { test } from 'node:test';
import { deepEqual, equal, match, ok } from 'node:assert/strict';
import { createRequire } from 'node:module';
import { privateKey, publicKey, standIn as running, useStandIn } from './stand-in.mjs';
import { APP, KEY, SECRET, SESSION } from '../suite.mjs';
import { packageEntry } from './package-path.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const OpenTok = require('opentok');
const { Video } = require('@vonage/video');
const { generateToken } = require(packageEntry('.', 'require'));
const { generateRestToken, generateApplicationJwt, generateClientToken } = require(packageEntry('./vonage', 'require'));

useStandIn();

const post = (headers, body = 'archiveMode=manual&p2p.preference=disabled') => fetch(`${running.current.url}/session/create`, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers }, body,
});

test('opentok (project credentials) creates sessions on it, and tokens mint for them', async () => {
  const opentok = new OpenTok(KEY, SECRET, { apiUrl: running.current.url });
  const createSession = (options) => new Promise((resolve, reject) => {
    opentok.createSession(options, (err, session) => (err ? reject(err) : resolve(session)));
  });
  const routed = await createSession({ mediaMode: 'routed', archiveMode: 'always' });
  equal(running.current.requests.at(-1).auth.kind, 'project');
  equal(running.current.requests.at(-1).form.archiveMode, 'always');
  const relayed = await createSession({ location: '10.1.2.3' });
  equal(running.current.requests.at(-1).form['p2p.preference'], 'enabled');
  for (const session of [routed, relayed]) {
    const ours = jwt.verify(generateToken(KEY, SECRET, session.sessionId), SECRET);
    equal(ours.session_id, session.sessionId);
    ok(opentok.generateToken(session.sessionId));
  }
});

test('@vonage/video (application credentials) creates sessions on it, and client tokens mint for them', async () => {
  const video = new Video({ applicationId: APP, privateKey }, { videoHost: running.current.url });
  const session = await video.createSession({ archiveMode: 'always' });
  equal(running.current.requests.at(-1).auth.kind, 'application');
  const claims = jwt.verify(await generateClientToken(APP, privateKey, session.sessionId), publicKey);
  equal(claims.session_id, session.sessionId);
  equal(claims.application_id, APP);
});

test('this package\'s REST tokens are accepted with either header', async () => {
  let response = await post({ 'x-opentok-auth': generateRestToken(KEY, SECRET) });
  equal(response.status, 200);
  const [{ session_id: sessionId }] = await response.json();
  match(sessionId, /^1_/);
  response = await post({ authorization: `Bearer ${await generateApplicationJwt(APP, privateKey)}` });
  equal(response.status, 200);
});

test('refuses what the real API would refuse', async () => {
  const now = Math.floor(Date.now() / 1000);
  const hs = (claims, secret = SECRET) => {
    const payload = Object.fromEntries(Object.entries({ iat: now, exp: now + 300, jti: 'j', ...claims }).filter(([, v]) => v !== undefined));
    return jwt.sign(payload, secret, { algorithm: 'HS256', noTimestamp: true });
  };
  const otherKey = require('node:crypto').generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const refused = [
    ['no credentials', {}, 403],
    ['both headers', { 'x-opentok-auth': generateRestToken(KEY, SECRET), authorization: 'Bearer x' }, 403],
    ['another secret', { 'x-opentok-auth': generateRestToken(KEY, `${SECRET}0`) }, 403],
    ['another project', { 'x-opentok-auth': hs({ iss: '654321', ist: 'project' }) }, 403],
    ['not a project token', { 'x-opentok-auth': hs({ iss: KEY, ist: 'account' }) }, 403],
    ['expired', { 'x-opentok-auth': hs({ iss: KEY, ist: 'project', iat: now - 1000, exp: now - 700 }) }, 403],
    ['no exp', { 'x-opentok-auth': hs({ iss: KEY, ist: 'project', exp: undefined }) }, 403],
    ['application JWT without jti', { authorization: `Bearer ${jwt.sign({ application_id: APP }, privateKey, { algorithm: 'RS256', expiresIn: 60 })}` }, 403],
    ['alg none', { 'x-opentok-auth': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: KEY, ist: 'project', iat: now, exp: now + 60, jti: 'j' })).toString('base64url')}.` }, 403],
    ['RS256 by another key', { authorization: `Bearer ${jwt.sign({ application_id: APP, jti: 'j' }, otherKey, { algorithm: 'RS256', expiresIn: 60 })}` }, 403],
    ['HS256 signed with the public key', { authorization: `Bearer ${jwt.sign({ application_id: APP, jti: 'j' }, 'x', { algorithm: 'HS256', expiresIn: 60 })}` }, 403],
    ['oversized token', { 'x-opentok-auth': 'x'.repeat(9000) }, 403],
  ];
  const before = running.current.requests.filter((r) => r.sessionId).length;
  for (const [name, headers, status] of refused) {
    const response = await post(headers);
    equal(response.status, status, name);
  }
  const auth = { 'x-opentok-auth': generateRestToken(KEY, SECRET) };
  for (const [name, body, status] of [
    ['unknown field', 'archiveMode=manual&e2ee=true', 400],
    ['bad archiveMode', 'archiveMode=sometimes', 400],
    ['archiving a relayed session', 'archiveMode=always&p2p.preference=enabled', 400],
    ['repeated field', 'archiveMode=manual&archiveMode=always', 400],
    ['oversized body', `location=${'1'.repeat(70000)}`, 413],
  ]) {
    const response = await post(auth, body);
    equal(response.status, status, name);
  }
  equal((await post({ ...auth, 'content-type': 'application/json' }, '{}')).status, 400, 'JSON body');
  equal((await fetch(`${running.current.url}/session/create`)).status, 403, 'no credentials');
  equal((await fetch(`${running.current.url}/session/create`, { headers: auth })).status, 405);
  equal((await fetch(`${running.current.url}/v2/project/${KEY}/nothing`, { method: 'POST', headers: auth })).status, 404);
  equal(running.current.requests.filter((r) => r.sessionId).length, before, 'no session was created');
});

test('the archive, moderation and stream calls: the API\'s rules', async () => {
  const auth = () => ({ 'x-opentok-auth': generateRestToken(KEY, SECRET) });
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(`${running.current.url}/v2/project/${KEY}${path}`, {
      method, body, headers: { ...auth(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    });
    return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
  };
  const create = async (form) => {
    const response = await post(auth(), form);
    return (await response.json())[0].session_id;
  };
  const routed = await create('archiveMode=manual&p2p.preference=disabled');
  const relayed = await create('archiveMode=manual&p2p.preference=enabled');
  equal((await fetch(`${running.current.url}/v2/project/654321/archive`, { headers: auth() })).status, 403, 'another project in the path');
  equal((await call('POST', '/archive', JSON.stringify({ sessionId: relayed }))).status, 409, 'a relayed session');
  equal((await call('POST', '/archive', JSON.stringify({ sessionId: SESSION }))).status, 404, 'a session it did not create');
  equal((await call('POST', '/archive', JSON.stringify({ sessionId: routed, colour: 'red' }))).status, 400, 'an unknown field');
  equal((await call('POST', '/archive', JSON.stringify({ sessionId: routed, maxBitrate: 2e6, quantizationParameter: 20 }))).status, 400);
  equal((await call('POST', '/archive', JSON.stringify({ sessionId: routed }), { 'content-type': 'text/plain' })).status, 400, 'not JSON');
  const started = await call('POST', '/archive', JSON.stringify({ sessionId: routed, name: 'a' }));
  equal(started.status, 200);
  equal(started.body.status, 'started');
  equal((await call('POST', '/archive', JSON.stringify({ sessionId: routed }))).status, 409, 'already archiving');
  equal((await call('DELETE', `/archive/${started.body.id}`)).status, 409, 'a started archive');
  equal((await call('POST', `/archive/${started.body.id}/stop`)).body.status, 'stopped');
  equal((await call('POST', `/archive/${started.body.id}/stop`)).status, 409, 'stopped already');
  const list = await call('GET', `/archive?sessionId=${routed}`);
  deepEqual([list.body.count, list.body.items[0].id], [1, started.body.id]);
  equal((await call('GET', '/archive?count=1001')).status, 400);
  equal((await call('DELETE', `/archive/${started.body.id}`)).status, 204);
  equal((await call('GET', `/archive/${started.body.id}`)).status, 404);
  equal((await call('POST', `/session/${routed}/signal`, '{"type":"t","data":"d"}')).status, 204);
  equal((await call('POST', `/session/${routed}/signal`, '{"type":"t"}')).status, 400, 'no data');
  equal((await call('POST', `/session/${routed}/signal`, JSON.stringify({ data: 'x'.repeat(8193) }))).status, 413);
  equal((await call('POST', `/session/${routed}/connection/c1/signal`, '{"data":""}')).status, 404, 'an unknown connection');
  equal((await call('DELETE', `/session/${routed}/connection/c1`)).status, 404);
  running.current.addConnection(routed, 'c1');
  equal((await call('DELETE', `/session/${routed}/connection/c1`)).status, 204);
  equal((await call('POST', `/session/${routed}/stream/s1/mute`)).status, 404, 'an unknown stream');
  running.current.addStream(routed, { id: 's1', videoType: 'camera', name: '', layoutClassList: [] });
  equal((await call('POST', `/session/${routed}/stream/s1/mute`)).status, 200);
  equal((await call('POST', `/session/${routed}/mute`, '{"active":"yes"}')).status, 400);
  equal((await call('POST', `/session/${routed}/mute`, '{"active":true,"excludedStreamIds":["s1"]}')).status, 200);
  deepEqual((await call('GET', `/session/${routed}/stream`)).body, { count: 1, items: [{ id: 's1', videoType: 'camera', name: '', layoutClassList: [] }] });
  equal((await call('GET', `/session/${routed}/stream/s2`)).status, 404);
});
