import { describe, expect, it } from 'vitest';
import { BLOB_HEADER_LENGTH, chunkLayoutForFileSize, decodeBlobHeader, encodeBlobHeader, writeChunkNonce } from './blob-format';

describe('blob format', () => {
  it('header is 89 bytes and round-trips', () => {
    const fields = {
      chunkSize: 65536,
      blobId: Buffer.alloc(16, 0xab),
      noncePrefix: Buffer.alloc(7, 0xcd),
      wrappedKey: Buffer.alloc(61, 0xef),
    };
    const bytes = encodeBlobHeader(fields);
    expect(BLOB_HEADER_LENGTH).toBe(89);
    expect(bytes.subarray(0, 5).toString('hex')).toBe('0100010000');
    expect(decodeBlobHeader(bytes)).toEqual({ version: 1, ...fields });
  });

  it('rejects unknown versions and absurd chunk sizes', () => {
    const bytes = encodeBlobHeader({ chunkSize: 65536, blobId: Buffer.alloc(16), noncePrefix: Buffer.alloc(7), wrappedKey: Buffer.alloc(61) });
    const v2 = Buffer.from(bytes);
    v2[0] = 2;
    const huge = Buffer.from(bytes);
    huge.writeUInt32BE(0x7fffffff, 1);
    expect(() => decodeBlobHeader(v2)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
    expect(() => decodeBlobHeader(huge)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
    expect(() => decodeBlobHeader(bytes.subarray(0, 88))).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
  });

  it('nonce = prefix || u32 counter || final flag', () => {
    const out = Buffer.alloc(12);
    writeChunkNonce(out, Buffer.from('01020304050607', 'hex'), 0x01020304, true);
    expect(out.toString('hex')).toBe('0102030405060701020304' + '01');
    writeChunkNonce(out, Buffer.from('01020304050607', 'hex'), 5, false);
    expect(out.toString('hex')).toBe('0102030405060700000005' + '00');
    expect(() => writeChunkNonce(out, Buffer.alloc(7), 2 ** 32, false)).toThrow(RangeError);
  });

  it.each([
    [89 + 16, { count: 1, finalStoredLength: 16, plaintextLength: 0 }],
    [89 + 5 + 16, { count: 1, finalStoredLength: 21, plaintextLength: 5 }],
    [89 + 65552 + 16, { count: 2, finalStoredLength: 16, plaintextLength: 65536 }],
    [89 + 65552 + 17, { count: 2, finalStoredLength: 17, plaintextLength: 65537 }],
  ])('layout for a %i-byte file', (size, layout) => {
    expect(chunkLayoutForFileSize(size, 65536)).toEqual(layout);
  });

  it.each([0, 88, 89, 89 + 15, 89 + 65552, 89 + 65552 + 15])('no valid layout for a %i-byte file', (size) => {
    expect(chunkLayoutForFileSize(size, 65536)).toBeNull();
  });
});
