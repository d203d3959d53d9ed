/**
 * WeCom (企业微信) callback crypto, as the official WXBizMsgCrypt: signature = SHA-1 of the sorted
 * [token, timestamp, nonce, encrypt]; AES-256-CBC with key = Base64(EncodingAESKey + "="), iv = key[0..16),
 * plaintext = 16 random bytes + 4-byte big-endian length + message + receiveid, PKCS#7-padded to a multiple
 * of 32 bytes (by hand: Node's own padding is to 16). receiveid is the corp id for a self-built app and ""
 * for the intelligent robot.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BLOCK = 32;

/** Thrown when a callback cannot be verified or decrypted (the route answers 401). */
export class WecomCryptoError extends Error {}

/** The AES key of an EncodingAESKey (43 characters of base64). */
export function wecomAesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32)
    throw new WecomCryptoError('EncodingAESKey must be 43 base64 characters (32 bytes)');
  return key;
}

/** msg_signature of a callback. */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join(''), 'utf8').digest('hex');
}

/** Constant-time check of a msg_signature. */
export function wecomSignatureValid(
  token: string,
  q: { msgSignature?: string; timestamp?: string; nonce?: string },
  encrypt: string,
): boolean {
  if (!q.msgSignature || !q.timestamp || !q.nonce) return false;
  const expected = Buffer.from(wecomSignature(token, q.timestamp, q.nonce, encrypt), 'utf8');
  const given = Buffer.from(q.msgSignature.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Decrypts an `Encrypt` field; checks the trailing receiveid when `receiveId` is given. */
export function wecomDecrypt(encodingAesKey: string, encrypt: string, receiveId?: string): string {
  const key = wecomAesKey(encodingAesKey);
  let padded: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    padded = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  } catch {
    throw new WecomCryptoError('cannot decrypt');
  }
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || pad > padded.length) throw new WecomCryptoError('bad padding');
  const plain = padded.subarray(0, padded.length - pad);
  if (plain.length < 20) throw new WecomCryptoError('message too short');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new WecomCryptoError('bad message length');
  const message = plain.subarray(20, 20 + length).toString('utf8');
  const from = plain.subarray(20 + length).toString('utf8');
  if (receiveId !== undefined && from !== receiveId) throw new WecomCryptoError('receiveid mismatch');
  return message;
}

/** Encrypts a message for a reply (or, in tests, as WeCom would send it). */
export function wecomEncrypt(
  encodingAesKey: string,
  message: string,
  receiveId: string,
  random: Buffer = randomBytes(16),
): string {
  const key = wecomAesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}
