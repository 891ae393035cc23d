import { hkdfSync } from 'node:crypto';
import { KEY_LENGTH, dangerousAsKey } from './secret-keys';
import type { BackupManifestKey, BlobWrappingKey, DatabaseKey, MasterKey, RecoveryKek, RecoveryKeyBytes } from './secret-keys';

/**
 * HKDF-SHA256 info strings. They are part of the on-disk format (docs/vault-format.md):
 * changing one makes every existing vault unreadable.
 */
export const HKDF_INFO = Object.freeze({
  databaseKey: 'ScanVault v1 database key',
  blobWrappingKey: 'ScanVault v1 blob wrapping key',
  recoveryKek: 'ScanVault v1 recovery KEK',
  backupManifestKey: 'ScanVault v1 backup manifest key',
});

/**
 * One master key, several independent sub-keys: HKDF with distinct info strings makes
 * them computationally independent, so e.g. the SQLCipher key (which SQLCipher keeps in
 * memory for the whole session) reveals nothing about the blob wrapping key, and a key
 * is never used by two different algorithms. Salt = the 16 raw bytes of the vault id
 * (domain separation between vaults; not secret).
 */
export function deriveDatabaseKey(masterKey: MasterKey, vaultId: string): DatabaseKey {
  return dangerousAsKey<DatabaseKey>(hkdf(masterKey, vaultId, HKDF_INFO.databaseKey));
}

export function deriveBlobWrappingKey(masterKey: MasterKey, vaultId: string): BlobWrappingKey {
  return dangerousAsKey<BlobWrappingKey>(hkdf(masterKey, vaultId, HKDF_INFO.blobWrappingKey));
}

/** The key that authenticates a backup's manifest, so a backup cannot be forged without the vault key. */
export function deriveBackupManifestKey(masterKey: MasterKey, vaultId: string): BackupManifestKey {
  return dangerousAsKey<BackupManifestKey>(hkdf(masterKey, vaultId, HKDF_INFO.backupManifestKey));
}

/**
 * Recovery key -> KEK with plain HKDF-SHA256, no slow KDF. That is deliberate: the
 * recovery key is 160 random bits, so brute force is infeasible regardless of KDF cost
 * (a slow KDF only helps low-entropy secrets such as passphrases), and unlocking with it
 * stays instant on any machine in 20 years.
 */
export function deriveRecoveryKek(recoveryKey: RecoveryKeyBytes, vaultId: string): RecoveryKek {
  return dangerousAsKey<RecoveryKek>(hkdf(recoveryKey, vaultId, HKDF_INFO.recoveryKek));
}

function hkdf(ikm: Buffer, vaultId: string, info: string): Buffer {
  const salt = vaultIdBytes(vaultId);
  return Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info, 'utf8'), KEY_LENGTH));
}

const VAULT_ID_PATTERN = /^[0-9a-f]{32}$/;

export function isVaultId(value: string): boolean {
  return VAULT_ID_PATTERN.test(value);
}

export function vaultIdBytes(vaultId: string): Buffer {
  if (!isVaultId(vaultId)) {
    throw new RangeError('vault id must be 32 lowercase hex characters');
  }
  return Buffer.from(vaultId, 'hex');
}
