import { createCipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyObjectOf, zeroizeKey } from './secret-keys';

const iv = Buffer.alloc(12, 7);
const sealWith = (key: Buffer | KeyObject) => {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.update(Buffer.from('probe'));
  cipher.final();
  return cipher.getAuthTag().toString('hex');
};

describe('keyObjectOf', () => {
  it('sets a key up once and gives the same results as the raw Buffer', () => {
    const key = randomBytes(32);
    const first = keyObjectOf(key);
    expect(keyObjectOf(key)).toBe(first);
    expect(sealWith(first)).toBe(sealWith(key));
  });

  it('forgets the key object when the key is zeroed, by zeroizeKey or any other way', () => {
    const key = randomBytes(32);
    const before = sealWith(keyObjectOf(key));
    zeroizeKey(key);
    expect(sealWith(keyObjectOf(key))).toBe(sealWith(Buffer.alloc(32)));
    const other = randomBytes(32);
    const old = keyObjectOf(other);
    other.fill(0); // not through zeroizeKey: the digest check still refuses the old object
    expect(keyObjectOf(other)).not.toBe(old);
    expect(sealWith(keyObjectOf(other))).toBe(sealWith(Buffer.alloc(32)));
    expect(before).not.toBe(sealWith(Buffer.alloc(32)));
  });
});
