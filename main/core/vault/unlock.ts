import { isCryptoError } from '../crypto/crypto-error';
import { unwrapMasterKey, wrapMasterKey } from '../crypto/key-wrap';
import { checkKdfCost } from '../crypto/kdf-policy';
import type { KdfCost, KdfPolicy } from '../crypto/kdf-policy';
import { derivePassphraseKek, newKdfParams } from '../crypto/passphrase-kdf';
import type { KdfParams } from '../crypto/passphrase-kdf';
import { parseRecoveryKey } from '../crypto/recovery-key';
import { zeroizeKey } from '../crypto/secret-keys';
import type { MasterKey } from '../crypto/secret-keys';
import { deriveRecoveryKek } from '../crypto/subkeys';
import { VaultError } from './errors';
import type { VaultHeader } from './vault-header';

export const KDF_OUT_OF_RANGE_MESSAGE =
  "This vault's settings look tampered with or damaged: its key protection asks for far more memory or time than ScanVault ever uses, "
  + 'so it was not opened. Restore the file vault.json from a backup of the vault, then try again.';

/** Throws WEAK_KDF below the policy, VAULT_DAMAGED beyond the upper bounds or for nonsensical parameters. */
export function assertKdfAllowed(cost: KdfCost, policy: KdfPolicy, saltLength?: number): void {
  const verdict = checkKdfCost(cost, policy, saltLength);
  if (verdict === 'weak') {
    throw new VaultError('WEAK_KDF');
  }
  if (verdict === 'out-of-range') {
    throw new VaultError('VAULT_DAMAGED', KDF_OUT_OF_RANGE_MESSAGE);
  }
}

/** Policy check first (before spending time on a downgraded KDF), then Argon2id + unwrap. */
export async function unlockWithPassphrase(header: VaultHeader, passphrase: string, policy: KdfPolicy): Promise<MasterKey> {
  assertKdfAllowed(header.kdf, policy, header.kdf.salt.length);
  const kek = await derivePassphraseKek(passphrase, header.kdf);
  try {
    return unwrapMasterKey(header.wrappedMasterKey.passphrase, kek, 'passphrase', header);
  } catch (error) {
    throw isCryptoError(error) ? new VaultError('WRONG_PASSPHRASE') : error;
  } finally {
    zeroizeKey(kek);
  }
}

export function unlockWithRecoveryKey(header: VaultHeader, recoveryKey: string): MasterKey {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) {
    throw new VaultError(
      'WRONG_RECOVERY_KEY',
      parsed.reason === 'checksum'
        ? 'That recovery key has a typing mistake. Compare each group with your written copy and try again.'
        : 'That is not a complete recovery key. It has 9 groups of 4 letters and digits; check what you typed.',
    );
  }
  const kek = deriveRecoveryKek(parsed.bytes, header.vaultId);
  zeroizeKey(parsed.bytes);
  try {
    return unwrapMasterKey(header.wrappedMasterKey.recovery, kek, 'recovery', header);
  } catch (error) {
    throw isCryptoError(error) ? new VaultError('WRONG_RECOVERY_KEY') : error;
  } finally {
    zeroizeKey(kek);
  }
}

/** New passphrase slot: fresh salt, given cost. Returns the header fields to replace. */
export async function wrapForPassphrase(
  masterKey: MasterKey,
  passphrase: string,
  cost: KdfCost,
  vault: { vaultId: string; formatVersion: number },
): Promise<{ kdf: KdfParams; wrapped: Buffer }> {
  const kdf = newKdfParams(cost);
  const kek = await derivePassphraseKek(passphrase, kdf);
  try {
    return { kdf, wrapped: wrapMasterKey(masterKey, kek, 'passphrase', vault) };
  } finally {
    zeroizeKey(kek);
  }
}
