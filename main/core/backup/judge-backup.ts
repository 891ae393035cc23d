/**
 * Judges what read-backup.ts read: is the manifest authentic (its HMAC under this vault's key),
 * and does every member it lists have exactly the size and SHA-256 it says? Any difference is
 * named member by member, so the person learns what is damaged, not just "bad backup".
 */
import { CoreError } from '../core-error';
import type { BackupManifestKey } from '../crypto/secret-keys';
import { MANIFEST_FILE, MANIFEST_HMAC_FILE, describeMember, manifestIsAuthentic, parseManifest, type BackupManifest } from './manifest';
import type { BackupContents } from './read-backup';

export interface MemberProblem { name: string; problem: 'missing' | 'damaged' | 'unexpected' | 'unreadable' }

/** The manifest as written, unauthenticated: only to tell a damaged vault.json from a wrong passphrase. */
export function claimedManifest(contents: BackupContents): BackupManifest | null {
  return contents.manifestBytes ? parseManifest(contents.manifestBytes) : null;
}

/** The authentic manifest and every member that does not match it (empty when the backup is intact). */
export function judgeBackup(contents: BackupContents, key: BackupManifestKey, vaultId: string): { manifest: BackupManifest | null; problems: MemberProblem[] } {
  const problems: MemberProblem[] = [];
  if (contents.broken) problems.push({ name: contents.broken.member ?? `byte ${contents.broken.offset}`, problem: 'unreadable' });
  const manifest = claimedManifest(contents);
  const authentic = manifest !== null && contents.hmacBytes !== null && manifestIsAuthentic(key, contents.manifestBytes!, contents.hmacBytes)
    && manifest.vaultId === vaultId;
  if (!authentic) {
    problems.push({ name: MANIFEST_FILE, problem: manifest === null && contents.manifestBytes === null ? 'missing' : 'damaged' });
    return { manifest: null, problems };
  }
  for (const member of manifest.members) {
    const seen = contents.seen.get(member.name);
    if (!seen) problems.push({ name: member.name, problem: 'missing' });
    else if (seen.size !== member.size || seen.sha256 !== member.sha256) problems.push({ name: member.name, problem: 'damaged' });
  }
  const listed = new Set(manifest.members.map((m) => m.name));
  if (contents.layout === 'file') {
    for (const name of contents.seen.keys()) if (!listed.has(name) && name !== MANIFEST_FILE && name !== MANIFEST_HMAC_FILE) problems.push({ name, problem: 'unexpected' });
    for (const name of contents.unexpected) problems.push({ name, problem: 'unexpected' });
  }
  return { manifest, problems };
}

const PROBLEM_WORDS: Record<MemberProblem['problem'], string> = {
  missing: 'is missing',
  damaged: 'does not match its fingerprint (damaged or changed)',
  unexpected: 'is not part of the backup (something was added)',
  unreadable: 'could not be read: the file is damaged or cut short from there on',
};

/** BACKUP_DAMAGED naming up to three members, with what to do next. */
export function backupDamagedError(problems: MemberProblem[]): CoreError {
  const named = problems.slice(0, 3).map((p) => `${describeMember(p.name)} ${PROBLEM_WORDS[p.problem]}`);
  const more = problems.length > 3 ? `, and ${problems.length - 3} more` : '';
  return new CoreError('BACKUP_DAMAGED', `This backup is damaged: ${named.join('; ')}${more}. Nothing was changed. `
    + 'Do not rely on this backup: make a new one from your vault now, or restore from another backup copy.');
}
