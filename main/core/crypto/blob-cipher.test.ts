import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobDecryptor, BlobEncryptor } from './blob-cipher';
import type { BlobWrappingKey } from './secret-keys';

const VAULT_ID = 'cd'.repeat(16);

function newEncryptor(wrappingKey: BlobWrappingKey, binding: { vaultId: string; blobId: Buffer }): BlobEncryptor {
  return BlobEncryptor.dangerousCreateDeterministic(
    wrappingKey,
    binding,
    { blobKey: randomBytes(32) as never, noncePrefix: randomBytes(7), wrapNonce: randomBytes(12) },
    16,
  );
}

function setup() {
  const wrappingKey = randomBytes(32) as BlobWrappingKey;
  const binding = { vaultId: VAULT_ID, blobId: randomBytes(16) };
  const encryptor = newEncryptor(wrappingKey, binding);
  const chunks = [
    encryptor.encryptChunk(Buffer.alloc(16, 1), false),
    encryptor.encryptChunk(Buffer.alloc(16, 2), false),
    encryptor.encryptChunk(Buffer.from('end'), true),
  ];
  const open = () => BlobDecryptor.open(wrappingKey, encryptor.header, binding);
  return { wrappingKey, binding, encryptor, chunks, open };
}

describe('BlobEncryptor / BlobDecryptor', () => {
  it('decrypts chunks in order', () => {
    const { chunks, open } = setup();
    const decryptor = open();
    const plain = chunks.map((chunk, i) => decryptor.decryptChunk(chunk.ciphertext, chunk.tag, i === 2));
    expect(Buffer.concat(plain).toString('hex')).toBe('01'.repeat(16) + '02'.repeat(16) + Buffer.from('end').toString('hex'));
  });

  it('refuses chunks after dispose (the key is set up once per blob, not per chunk)', () => {
    const { chunks, open, encryptor } = setup();
    const decryptor = open();
    const first = chunks[0]!;
    expect(decryptor.decryptChunk(first.ciphertext, first.tag, false).equals(Buffer.alloc(16, 1))).toBe(true);
    decryptor.dispose();
    decryptor.seek(0);
    expect(() => decryptor.decryptChunk(first.ciphertext, first.tag, false)).toThrow(/disposed/);
    encryptor.dispose();
    expect(() => encryptor.encryptChunk(Buffer.alloc(16), false)).toThrow();
  });

  it('fails a chunk presented out of order or with the wrong final flag', () => {
    const { chunks, open } = setup();
    const [first, second] = chunks;
    if (first === undefined || second === undefined) throw new Error('fixture');
    expect(() => open().decryptChunk(second.ciphertext, second.tag, false)).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
    expect(() => open().decryptChunk(first.ciphertext, first.tag, true)).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
  });

  it('refuses a header that names another blob, or a wrong wrapping key', () => {
    const { encryptor, wrappingKey, binding } = setup();
    expect(() => BlobDecryptor.open(wrappingKey, encryptor.header, { ...binding, blobId: randomBytes(16) })).toThrow(
      expect.objectContaining({ code: 'AUTH_FAILED' }),
    );
    expect(() => BlobDecryptor.open(randomBytes(32) as BlobWrappingKey, encryptor.header, binding)).toThrow(
      expect.objectContaining({ code: 'AUTH_FAILED' }),
    );
  });

  it('enforces chunk lengths and refuses to continue after the final chunk', () => {
    const { encryptor } = setup();
    expect(() => encryptor.encryptChunk(Buffer.alloc(1), false)).toThrow('blob already finished');
    const fresh = newEncryptor(randomBytes(32) as BlobWrappingKey, { vaultId: VAULT_ID, blobId: randomBytes(16) });
    expect(() => fresh.encryptChunk(Buffer.alloc(15), false)).toThrow(RangeError);
    expect(() => fresh.encryptChunk(Buffer.alloc(16), true)).toThrow(RangeError);
  });

  it('throws instead of returning plaintext of a tampered chunk', () => {
    const { chunks, open } = setup();
    const first = chunks[0];
    if (first === undefined) throw new Error('fixture');
    const tampered = Buffer.from(first.ciphertext);
    tampered[0] = (tampered[0] ?? 0) ^ 0xff;
    expect(() => open().decryptChunk(tampered, first.tag, false)).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
  });
});
