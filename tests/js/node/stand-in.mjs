// The REST API stand-in for a Node test file: started before its tests with the test project and
// the test application, stopped after them.
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { startVideoApiStandIn } from '../../../scripts/video-api-stand-in.mjs';
import { APP, KEY, SECRET } from '../suite.mjs';

export const vector = (name) => readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8');
export const privateKey = vector('rsa-2048.pem');
export const publicKey = vector('rsa-2048-public.pem');

/** The running stand-in, set before the file's tests run: `standIn.current`. */
export const standIn = { current: undefined };

/** Registers the stand-in's start and stop around the calling file's tests. */
export function useStandIn() {
  before(async () => {
    standIn.current = await startVideoApiStandIn({ project: { apiKey: KEY, apiSecret: SECRET }, application: { applicationId: APP, publicKey } });
  });
  after(() => standIn.current.stop());
}
