/** Helpers for backup tests: the members of a backup file, and a vault's content to compare. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BLOCK, paddingFor } from '../../core/backup/tar';
import { allEvents } from '../../core/db/events';
import { openVault } from '../../core/vault/vault';
import { FAST_KDF } from '../dicom-fixtures';
import { SMALL_VAULT_PASSPHRASE, cliRun } from '../verify/small-vault';

export interface TarMember { name: string; headerAt: number; dataAt: number; size: number }

/** The members of a ustar file, read plainly (independent of the reader under test). */
export function tarMembers(bytes: Buffer): TarMember[] {
  const members: TarMember[] = [];
  for (let at = 0; at + BLOCK <= bytes.length;) {
    const header = bytes.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const name = header.toString('ascii', 0, 100).replace(/\0.*$/s, '');
    const size = parseInt(header.toString('ascii', 124, 135), 8);
    members.push({ name, headerAt: at, dataAt: at + BLOCK, size });
    at += BLOCK + size + paddingFor(size);
  }
  return members;
}

/** Every blob file of a vault folder: relative name -> bytes. */
export function blobFiles(vaultDir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const root = path.join(vaultDir, 'blobs');
  for (const shard of readdirSync(root)) {
    if (shard === 'tmp') continue;
    for (const name of readdirSync(path.join(root, shard))) out.set(`${shard}/${name}`, readFileSync(path.join(root, shard, name)));
  }
  return out;
}

/** `list --json` of a vault, as parsed JSON. */
export async function listOf(vault: string): Promise<unknown> {
  const r = await cliRun(['--vault', vault, '--json', 'list']);
  if (r.code !== 0) throw new Error(`list failed: ${r.stdout} ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

/** The event log of a (closed) vault, opened with the small vault's passphrase. */
export async function eventsOf(vault: string): Promise<{ seq: number; kind: string; details: string; hash: string }[]> {
  const opened = await openVault({ dir: vault, passphrase: SMALL_VAULT_PASSPHRASE, kdfPolicy: FAST_KDF.kdfPolicy });
  try {
    return [...allEvents(opened.db)].map((e) => ({ seq: e.seq, kind: e.kind, details: e.details, hash: e.hash.toString('hex') }));
  } finally {
    opened.close();
  }
}
