/** A real, unlocked vault with imported files, for the byte channel's tests. Tests only. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScanVaultCore } from '../../core/scanvault-core';
import { silentLogger } from '../../core/log';
import { blobFilePath } from '../../core/vault/blob-paths';
import { attachmentFile, instanceFile } from '../../core/db/bytes';
import { FAST_KDF, makeDicom, newUid } from '../dicom-fixtures';

export const BYTE_VAULT_PASSPHRASE = 'correct horse battery staple';

export interface ByteVault {
  core: ScanVaultCore;
  /** Instance id -> the original file's bytes. */
  instances: Map<number, Buffer>;
  /** Attachment id -> the original PDF's bytes. */
  attachments: Map<number, Buffer>;
  /** The encrypted file holding an instance or attachment (to damage it). */
  blobFileOf(kind: 'instance' | 'attachment', id: number): string;
  cleanup(): Promise<void>;
}

/** A tiny but well-formed-looking PDF (the importer keeps any file starting with %PDF-). */
export function fakePdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Imports a small DICOM, a large one (512x512 16-bit: 8 blob chunks) and a PDF through the real
 * import, then maps row ids to originals by SHA-256 (ids are not assumed).
 */
export async function makeByteVault(): Promise<ByteVault> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sv-bytes-'));
  const source = path.join(root, 'CD');
  mkdirSync(source);
  const studyUid = newUid();
  const files = [
    makeDicom({ studyUid, patientName: 'DOE^JANE', rows: 16, columns: 16 }),
    makeDicom({ studyUid, patientName: 'DOE^JANE', rows: 512, columns: 512, seed: 7 }),
  ];
  files.forEach((bytes, i) => writeFileSync(path.join(source, `IM${i}`), bytes));
  const pdf = fakePdf();
  writeFileSync(path.join(source, 'REPORT.PDF'), pdf);

  const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'browser', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: BYTE_VAULT_PASSPHRASE });
  const { jobId } = await core.startImport({ paths: [source], provenance: { sourceLabel: 'Test CD' } });
  const job = await core.waitForJob(jobId);
  if (job.state !== 'done') throw new Error(`test import ended ${job.state}`);

  const db = core.requireVault().db;
  const bySha = new Map([...files, pdf].map((bytes) => [sha(bytes), bytes]));
  const instances = new Map<number, Buffer>();
  const attachments = new Map<number, Buffer>();
  for (const id of idsOf(db.prepare('SELECT id FROM instances').pluck().all())) {
    instances.set(id, bySha.get(sha(await core.requireVault().blobs.readAll(instanceFile(db, id)!.blobId)))!);
  }
  for (const id of idsOf(db.prepare('SELECT id FROM attachments').pluck().all())) {
    attachments.set(id, bySha.get(sha(await core.requireVault().blobs.readAll(attachmentFile(db, id)!.blobId)))!);
  }
  if (instances.size !== files.length || attachments.size !== 1) throw new Error('test import stored unexpected rows');
  return {
    core, instances, attachments,
    blobFileOf: (kind, id) => {
      const file = kind === 'instance' ? instanceFile(core.requireVault().db, id) : attachmentFile(core.requireVault().db, id);
      return blobFilePath(core.requireVault().dir, file!.blobId);
    },
    cleanup: async () => {
      await core.lockNow();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function idsOf(values: unknown[]): number[] {
  return values.map((v) => {
    if (typeof v !== 'number') throw new TypeError('unexpected id');
    return v;
  });
}
