import { deriveBlobWrappingKey, deriveDatabaseKey } from '../crypto/subkeys';
import { zeroizeKey } from '../crypto/secret-keys';
import type { BlobWrappingKey, DatabaseKey, MasterKey } from '../crypto/secret-keys';
import { VaultError } from './errors';

/**
 * The keys of one unlocked vault. Everything here is key material: never log this.
 * `lock()` zeroes all of them; afterwards every getter throws VAULT_LOCKED, so code
 * holding a reference cannot keep using a key after the vault is closed.
 */
export class KeyRing {
  private master: MasterKey | undefined;
  private database: DatabaseKey | undefined;
  private blobWrapping: BlobWrappingKey | undefined;

  constructor(masterKey: MasterKey, vaultId: string) {
    this.master = masterKey;
    this.database = deriveDatabaseKey(masterKey, vaultId);
    this.blobWrapping = deriveBlobWrappingKey(masterKey, vaultId);
  }

  get isLocked(): boolean {
    return this.master === undefined;
  }

  masterKey(): MasterKey {
    return this.master ?? throwLocked();
  }

  databaseKey(): DatabaseKey {
    return this.database ?? throwLocked();
  }

  blobWrappingKey(): BlobWrappingKey {
    return this.blobWrapping ?? throwLocked();
  }

  lock(): void {
    for (const key of [this.master, this.database, this.blobWrapping]) {
      if (key !== undefined) {
        zeroizeKey(key);
      }
    }
    this.master = undefined;
    this.database = undefined;
    this.blobWrapping = undefined;
  }
}

function throwLocked(): never {
  throw new VaultError('VAULT_LOCKED');
}
