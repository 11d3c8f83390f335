// Compile-only checks of the vonage and verify entries' .d.ts. Run with and without the DOM lib:
// nothing here, nor in the declarations, may need DOM or Node types.
import { ClientTokenGenerator, generateApplicationJwt, generateClientToken, generateRestToken } from 'vonage-video-token/vonage';
import { decodeToken, verifyToken } from 'vonage-video-token/verify';
import type { DecodedToken, VerifyOptions, WebCryptoKey } from 'vonage-video-token/verify';

declare const env: { APPLICATION_ID: string; PRIVATE_KEY: string; PUBLIC_KEY: string; API_KEY: string; API_SECRET: string };
declare const sessionId: string;
declare const cryptoKey: WebCryptoKey;

async function main(): Promise<void> {
  const vonage = new ClientTokenGenerator(env.APPLICATION_ID, env.PRIVATE_KEY);
  const applicationId: string = vonage.applicationId;
  const clientToken: string = await vonage.generateToken(sessionId, { role: 'moderator', data: 'name=Jo' });
  const bearer: string = await vonage.generateApplicationJwt({ expiresIn: 300 });
  const oneShot: string = await generateClientToken(env.APPLICATION_ID, env.PRIVATE_KEY, sessionId);
  const appJwt: string = await generateApplicationJwt(env.APPLICATION_ID, env.PRIVATE_KEY, { acl: { paths: {} }, sub: 'video' });
  const rest: string = generateRestToken(env.API_KEY, env.API_SECRET, { expiresIn: 60 });

  const decoded: DecodedToken = decodeToken(clientToken);
  const options: VerifyOptions = { sessionId, role: 'moderator', clockTolerance: 5, now: new Date() };
  const either: DecodedToken | Promise<DecodedToken> = verifyToken(rest, env.API_SECRET, options);
  const viaKey: DecodedToken = await verifyToken(clientToken, cryptoKey);
  const viaPem: DecodedToken = await verifyToken(clientToken, env.PUBLIC_KEY, null);
  // @ts-expect-error the key is a string or a CryptoKey
  verifyToken(rest, 42);
  // @ts-expect-error roles are a closed set
  verifyToken(rest, env.API_SECRET, { role: 'admin' });
  void applicationId; void bearer; void oneShot; void appJwt; void decoded; void either; void viaKey; void viaPem;
}
void main;
