// With the DOM lib: a WebCrypto CryptoKey is accepted where verifyToken takes a key.
import { verifyToken } from 'vonage-video-token/verify';

declare const token: string;
declare const key: CryptoKey;
const result: Promise<unknown> = verifyToken(token, key);
void result;
