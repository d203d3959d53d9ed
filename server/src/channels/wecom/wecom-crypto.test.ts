import { describe, expect, it } from 'vitest';
import {
  WecomCryptoError,
  wecomDecrypt,
  wecomEncrypt,
  wecomSignature,
  wecomSignatureValid,
} from './wecom-crypto.ts';

// The official sample SDK's vectors (WXBizMsgCrypt, callback/Sample.py).
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const CORP_ID = 'ww1436e0e65a779aee';

describe('WXBizMsgCrypt', () => {
  it('verifies the official URL-verification vector and decrypts its echostr', () => {
    const echostr =
      'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
    const q = {
      msgSignature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
      timestamp: '1476416373',
      nonce: '47744683',
    };
    expect(wecomSignature(TOKEN, q.timestamp, q.nonce, echostr)).toBe(q.msgSignature);
    expect(wecomSignatureValid(TOKEN, q, echostr)).toBe(true);
    expect(wecomDecrypt(AES_KEY, echostr, CORP_ID)).toBe('1288432023552776189');
  });

  it('verifies and decrypts the official message vector (22 bytes of padding to a 32-byte block)', () => {
    const encrypt =
      'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+';
    const q = {
      msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
      timestamp: '1476422779',
      nonce: '1597212914',
    };
    expect(wecomSignatureValid(TOKEN, q, encrypt)).toBe(true);
    expect(wecomDecrypt(AES_KEY, encrypt, CORP_ID)).toBe(
      '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
    );
  });

  it('refuses a wrong signature, a wrong receiveid and a tampered ciphertext', () => {
    const encrypt = wecomEncrypt(AES_KEY, '{"msgid":"1"}', CORP_ID);
    const q = { msgSignature: wecomSignature(TOKEN, '1', '2', encrypt), timestamp: '1', nonce: '2' };
    expect(wecomSignatureValid(TOKEN, q, encrypt)).toBe(true);
    expect(wecomSignatureValid(TOKEN, { ...q, nonce: '3' }, encrypt)).toBe(false);
    expect(wecomSignatureValid(TOKEN, { ...q, msgSignature: undefined }, encrypt)).toBe(false);
    expect(() => wecomDecrypt(AES_KEY, encrypt, 'another-corp')).toThrow(WecomCryptoError);
    const bytes = Buffer.from(encrypt, 'base64');
    bytes[bytes.length - 1] ^= 0xff;
    expect(() => wecomDecrypt(AES_KEY, bytes.toString('base64'), CORP_ID)).toThrow(WecomCryptoError);
  });

  it('round-trips Chinese text with the robot receiveid "" and pads every length to 32 bytes', () => {
    for (const text of ['', '上季度各地区的流失率', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(1000)]) {
      const encrypt = wecomEncrypt(AES_KEY, text, '');
      expect(Buffer.from(encrypt, 'base64').length % 32).toBe(0);
      expect(wecomDecrypt(AES_KEY, encrypt, '')).toBe(text);
    }
  });
});
