import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MasterKey } from '../crypto/secret-keys';
import { KeyRing } from './key-ring';

describe('KeyRing', () => {
  it('zeroes every key on lock and refuses access afterwards', () => {
    const master = randomBytes(32) as MasterKey;
    const ring = new KeyRing(master, 'ef'.repeat(16));
    const keys = [ring.masterKey(), ring.databaseKey(), ring.blobWrappingKey()];
    expect(keys.every((key) => key.some((byte) => byte !== 0))).toBe(true);
    ring.lock();
    expect(keys.every((key) => key.every((byte) => byte === 0))).toBe(true);
    expect(ring.isLocked).toBe(true);
    expect(() => ring.masterKey()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => ring.databaseKey()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => ring.blobWrappingKey()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
  });
});
