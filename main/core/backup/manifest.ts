/**
 * The backup manifest (docs/vault-format.md section 10): every member's name, size and SHA-256,
 * the vault id and the anchor, as JSON in `manifest.json`; its HMAC-SHA256 under a key derived
 * from the master key in `manifest.hmac`. Without the vault key nobody can make a manifest this
 * vault accepts, so a changed member cannot be hidden by editing the manifest too.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { Anchor } from '../../../shared/domain';
import { constantTimeEqual } from '../crypto/constant-time';
import type { BackupManifestKey } from '../crypto/secret-keys';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_HMAC_FILE = 'manifest.hmac';
export const BACKUP_MAGIC = 'ScanVault backup';
export const BACKUP_FORMAT_VERSION = 1;
/** vault.json and the manifest are read into memory; nothing that large is ever written. */
export const SMALL_MEMBER_LIMIT = 64 * 1024 * 1024;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** The only names a backup holds: a name outside these is damage (and never a path outside the target). */
export const MEMBER_NAME = /^(vault\.json|vault\.db|blobs\/[0-9a-f]{2}\/[0-9a-f]{32})$/;

export const BackupMember = z.object({ name: z.string().regex(MEMBER_NAME), size: z.number().int().min(0), sha256: Sha256Hex }).strict();
export type BackupMember = z.infer<typeof BackupMember>;

export const BackupManifest = z.object({
  magic: z.literal(BACKUP_MAGIC),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string(),
  layout: z.enum(['file', 'folder']),
  anchor: Anchor.nullable(),
  members: z.array(BackupMember),
}).strict();
export type BackupManifest = z.infer<typeof BackupManifest>;

export function serializeManifest(manifest: BackupManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/** null when the bytes are not a manifest this version understands (damaged or foreign). */
export function parseManifest(bytes: Buffer): BackupManifest | null {
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success) return null;
    const names = new Set(parsed.data.members.map((m) => m.name));
    return names.size === parsed.data.members.length && names.has('vault.json') && names.has('vault.db') ? parsed.data : null;
  } catch {
    return null;
  }
}

export function manifestHmac(key: BackupManifestKey, manifestBytes: Buffer): Buffer {
  return Buffer.from(`${createHmac('sha256', key).update(manifestBytes).digest('hex')}\n`, 'ascii');
}

export function manifestIsAuthentic(key: BackupManifestKey, manifestBytes: Buffer, hmacBytes: Buffer): boolean {
  return constantTimeEqual(manifestHmac(key, manifestBytes), hmacBytes);
}

/** How a member is named to a patient in a damage report. */
export function describeMember(name: string): string {
  if (name === 'vault.json') return 'the vault’s key file (vault.json)';
  if (name === 'vault.db') return 'the vault’s index (vault.db)';
  if (name === MANIFEST_FILE || name === MANIFEST_HMAC_FILE) return `the backup’s list of contents (${name})`;
  return `a stored file (${name})`;
}
