// Tokens minted with the real clock and real randomness verify with independent verifiers:
// jsonwebtoken and jose for JWTs, node:crypto HMAC-SHA1 for T1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import * as jose from 'jose';
import { packageEntry } from './package-path.mjs';
import { KEY, SECRET, SESSION, decodeT1 } from '../suite.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));

const SECRETS = [SECRET, 'é secret with spaces 😀', 'x'];

test('JWTs verify with jsonwebtoken and jose, with the expected claims', async () => {
  for (const secret of SECRETS) {
    const generator = new TokenGenerator(KEY, secret);
    for (const mint of [(o) => generateToken(KEY, secret, SESSION, o), (o) => generator.generateToken(SESSION, o)]) {
      const expireTime = Math.floor(Date.now() / 1000) + 3600;
      const token = mint({ role: 'moderator', expireTime, data: 'name=Jo é', initialLayoutClassList: ['focus', 'main'] });
      const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
      assert.equal(claims.iss, KEY);
      assert.equal(claims.ist, 'project');
      assert.equal(claims.scope, 'session.connect');
      assert.equal(claims.session_id, SESSION);
      assert.equal(claims.role, 'moderator');
      assert.equal(claims.exp, expireTime);
      assert.equal(claims.connection_data, 'name=Jo é');
      assert.equal(claims.initial_layout_class_list, 'focus main');
      const { payload, protectedHeader } = await jose.jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
      assert.deepEqual(protectedHeader, { alg: 'HS256', typ: 'JWT' });
      assert.deepEqual(payload, claims);
      assert.throws(() => jwt.verify(token, `${secret}!`, { algorithms: ['HS256'] }), /invalid signature/);
    }
    generator.free();
  }
});

test('T1 tokens carry a valid HMAC-SHA1 of their data string', () => {
  for (const secret of SECRETS) {
    const token = generateToken(Number(KEY), secret, SESSION, { tokenType: 'T1', data: '{"a":"b c"}' });
    const { head, data } = decodeT1(token);
    const sig = /^partner_id=123456&sig=([0-9a-f]{40})$/.exec(head)[1];
    assert.equal(sig, createHmac('sha1', secret).update(data).digest('hex'));
    assert.match(data, /&connection_data=%7B%22a%22%3A%22b%20c%22%7D&/);
  }
});

test('10,000 real-clock tokens: all verify, no nonce repeats', () => {
  const nonces = new Set();
  const generator = new TokenGenerator(KEY, SECRET);
  for (let i = 0; i < 10_000; i++) {
    const token = i % 2 ? generator.generateToken(SESSION) : generateToken(KEY, SECRET, SESSION);
    const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
    assert.ok(!nonces.has(claims.nonce), `nonce ${claims.nonce} repeated`);
    nonces.add(claims.nonce);
    assert.ok(Math.abs(claims.iat - Date.now() / 1000) < 5, 'iat is now');
  }
  generator.free();
  assert.equal(nonces.size, 10_000);
});
