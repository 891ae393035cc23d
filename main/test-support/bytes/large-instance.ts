/** A very large "instance" stored through the real blob store, for flat-memory tests. Tests only. */
import { randomBytes } from 'node:crypto';
import type { OpenVault } from '../../core/vault/vault';

const PIECE = 1024 * 1024;

/** `size` bytes, produced one MiB at a time (never held whole): a random MiB, numbered per piece. */
async function* generated(size: number): AsyncGenerator<Uint8Array> {
  const base = randomBytes(PIECE);
  for (let offset = 0, index = 0; offset < size; offset += PIECE, index += 1) {
    const piece = Buffer.from(base.subarray(0, Math.min(PIECE, size - offset)));
    piece.writeUInt32BE(index, 0);
    yield piece;
  }
}

/** Stores a generated file as an instance of a new series; returns its id and SHA-256. */
export async function storeLargeInstance(vault: OpenVault, size: number): Promise<{ id: number; sha256: string }> {
  const written = await vault.blobs.write(generated(size));
  const now = new Date().toISOString();
  const db = vault.db;
  const id = db.transaction(() => {
    const patient = db.prepare('INSERT INTO patients(patient_key, created_at) VALUES (?, ?)').run(`large-${written.blobId}`, now).lastInsertRowid;
    const study = db.prepare('INSERT INTO studies(patient_id, study_uid, created_at) VALUES (?, ?, ?)').run(patient, `2.25.${Date.now()}1`, now).lastInsertRowid;
    const series = db.prepare('INSERT INTO series(study_id, series_uid) VALUES (?, ?)').run(study, `2.25.${Date.now()}2`).lastInsertRowid;
    db.prepare('INSERT INTO blobs(id, size, sha256, created_at) VALUES (?, ?, ?, ?)').run(written.blobId, written.size, written.sha256, now);
    return db.prepare(`INSERT INTO instances(series_id, sop_instance_uid, blob_id, sha256_file, pixel_digest_status, created_at)
      VALUES (?, ?, ?, ?, 'none', ?)`).run(series, `2.25.${Date.now()}3`, written.blobId, written.sha256, now).lastInsertRowid;
  })();
  return { id: Number(id), sha256: written.sha256.toString('hex') };
}
