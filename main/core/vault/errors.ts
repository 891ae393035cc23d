/**
 * The one error type the vault hands to its callers. `code` is stable (UI and tests
 * switch on it); `message` is plain language telling the patient what to do next and
 * never contains paths, key material or patient data.
 */
export type VaultErrorCode =
  | 'WRONG_PASSPHRASE'
  | 'WRONG_RECOVERY_KEY'
  | 'NOT_A_VAULT'
  | 'VAULT_EXISTS'
  | 'FOLDER_NOT_EMPTY'
  | 'VAULT_FROM_FUTURE'
  | 'WEAK_KDF'
  | 'BLOB_CORRUPT'
  | 'BLOB_MISSING'
  | 'VAULT_LOCKED'
  | 'VAULT_BUSY'
  | 'VAULT_DAMAGED';

const DEFAULT_MESSAGES: Readonly<Record<VaultErrorCode, string>> = {
  WRONG_PASSPHRASE: 'That passphrase does not open this vault. Check it and try again, or use your recovery key.',
  WRONG_RECOVERY_KEY: 'That recovery key does not open this vault. Check what you typed against your written copy.',
  NOT_A_VAULT: 'This folder is not a ScanVault vault. Choose the folder that contains your vault.',
  VAULT_EXISTS: 'This folder already contains a vault. Open it instead, or choose another folder.',
  FOLDER_NOT_EMPTY: 'This folder already contains other files. Choose an empty folder for a new vault.',
  VAULT_FROM_FUTURE: 'This vault was saved by a newer version of ScanVault. Update ScanVault to open it.',
  WEAK_KDF:
    'This vault is protected by settings weaker than ScanVault allows, which may mean it was tampered with. Do not use it; restore a backup.',
  BLOB_CORRUPT: 'A stored file is damaged or was modified and cannot be trusted. Restore it from a backup.',
  BLOB_MISSING: 'A stored file is missing from the vault. Restore it from a backup.',
  VAULT_LOCKED: 'The vault is locked. Unlock it again to continue.',
  VAULT_BUSY: 'This vault is open in another ScanVault window or program. Close it there and try again.',
  VAULT_DAMAGED: "The vault's files do not match each other, so it cannot be opened. Restore it from a backup.",
};

export class VaultError extends Error {
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string = DEFAULT_MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(value: unknown, code?: VaultErrorCode): value is VaultError {
  return value instanceof VaultError && (code === undefined || value.code === code);
}
