/**
 * The background digest pass through a real vault: import, then fingerprint what the import left
 * 'pending'. Generated files cover the behaviour (results, idempotence, cancel, lock, missing
 * blob); the real CT in every transfer syntax checks lossless encodings against the native one.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedFile, encodeHtj2k, encodeJ2k, encodeJpegLs, le16, type RawImage } from '../../test-support/dicom/compressed-fixtures';
import { silentLogger } from '../log';
import { blobFilePath } from '../vault/blob-paths';
import { createVault, openVault, type OpenVault } from '../vault/vault';
import { FAST_KDF, makeDicom } from '../../test-support/dicom-fixtures';
import { SAMPLES_DIR, samplesPresent } from '../../test-support/sample-corpus';
import { computePendingDigests } from './background-digests';
import { runImport } from './run-import';

const PASS = 'correct horse battery staple';
const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sv-bgdigests-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function newVault(name: string): Promise<{ vault: OpenVault; dir: string }> {
  const dir = path.join(work, name, 'vault');
  await mkdir(path.dirname(dir), { recursive: true });
  const { vault } = await createVault({ dir, passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy, kdfParams: FAST_KDF.kdfParams });
  return { vault, dir };
}

async function importFolder(vault: OpenVault, folder: string): Promise<void> {
  await runImport(vault, { kind: 'paths', paths: [folder] }, { sourceLabel: 'test' }, {
    signal: new AbortController().signal, progress: { set: () => undefined }, log: silentLogger, prepare: { workers: 0 },
  });
}

interface Row { path: string; status: string; digests: Buffer | null; blobId: string }

function rows(vault: OpenVault): Row[] {
  return (vault.db.prepare(`SELECT f.relative_path AS path, i.pixel_digest_status AS status, i.frame_digests AS digests, i.blob_id AS blobId
    FROM import_files f JOIN instances i ON i.id = f.instance_id ORDER BY f.relative_path`).all() as Row[])
    .map((r) => ({ ...r, path: path.basename(r.path) }));
}

const statusOf = (vault: OpenVault) => Object.fromEntries(rows(vault).map((r) => [r.path, r.status]));

/** 12-bit signed values stored sign-extended in 16 bits: the encoder input and the canonical frame. */
function signed12(seed: number): { image: RawImage; canonical: Uint8Array } {
  const values = Array.from({ length: 64 * 64 }, (_, i) => ((i * 97 + seed * 13) % 4096) - 2048);
  return { image: { width: 64, height: 64, components: 1, bitsPerSample: 12, bytes: le16(values.map((v) => v & 0xfff)) }, canonical: le16(values.map((v) => v & 0xffff)) };
}

const grey = { rows: 64, columns: 64, bitsAllocated: 16, bitsStored: 12, signed: true } as const;
const TWELVE_BIT_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xc1, 0, 11, 12, 0, 64, 0, 64, 1, 1, 0x11, 0, 0xff, 0xd9]);

/** Five files of which four are left 'pending' by the import; returns the expected frame digests. */
async function writeGeneratedSource(folder: string): Promise<Record<string, Buffer>> {
  await mkdir(folder, { recursive: true });
  const [a, b, c] = [signed12(1), signed12(2), signed12(3)];
  writeFileSync(path.join(folder, 'jls-2frames.dcm'), compressedFile({ ...grey, transferSyntaxUid: '1.2.840.10008.1.2.4.80', frames: 2, fragments: [await encodeJpegLs(a.image), await encodeJpegLs(b.image)] }));
  writeFileSync(path.join(folder, 'j2k.dcm'), compressedFile({ ...grey, transferSyntaxUid: '1.2.840.10008.1.2.4.90', fragments: [await encodeJ2k(c.image)] }));
  writeFileSync(path.join(folder, 'htj2k.dcm'), compressedFile({ ...grey, transferSyntaxUid: '1.2.840.10008.1.2.4.201', fragments: [await encodeHtj2k(a.image)] }));
  writeFileSync(path.join(folder, 'jpeg12.dcm'), compressedFile({ ...grey, transferSyntaxUid: '1.2.840.10008.1.2.4.51', fragments: [TWELVE_BIT_JPEG] }));
  writeFileSync(path.join(folder, 'native.dcm'), makeDicom());
  return {
    'jls-2frames.dcm': Buffer.concat([sha256(a.canonical), sha256(b.canonical)]),
    'j2k.dcm': sha256(c.canonical),
    'htj2k.dcm': sha256(a.canonical),
  };
}

describe('computePendingDigests (generated files)', () => {
  it('fingerprints pending instances, records none for unsupported ones, and is idempotent', async () => {
    const { vault } = await newVault('basic');
    const expected = await writeGeneratedSource(path.join(work, 'basic', 'source'));
    await importFolder(vault, path.join(work, 'basic', 'source'));
    expect(statusOf(vault)).toEqual({ 'htj2k.dcm': 'pending', 'j2k.dcm': 'pending', 'jls-2frames.dcm': 'pending', 'jpeg12.dcm': 'pending', 'native.dcm': 'done' });

    const progress: [number, number][] = [];
    const summary = await computePendingDigests(vault, { batchSize: 3, onProgress: (done, total) => progress.push([done, total]) });
    expect(summary).toEqual({ done: 3, none: 1, failed: 0, stoppedBy: 'finished' });
    expect(progress).toEqual([[3, 4], [4, 4]]);
    expect(statusOf(vault)).toEqual({ 'htj2k.dcm': 'done', 'j2k.dcm': 'done', 'jls-2frames.dcm': 'done', 'jpeg12.dcm': 'none', 'native.dcm': 'done' });
    for (const row of rows(vault).filter((r) => r.path in expected)) expect({ [row.path]: row.digests }).toEqual({ [row.path]: expected[row.path] });
    expect(rows(vault).find((r) => r.path === 'jpeg12.dcm')?.digests).toBeNull();

    expect(await computePendingDigests(vault)).toEqual({ done: 0, none: 0, failed: 0, stoppedBy: 'finished' });
    vault.close();
  });

  it('marks an instance whose stored file is missing as failed and goes on', async () => {
    const { vault, dir } = await newVault('missing');
    await writeGeneratedSource(path.join(work, 'missing', 'source'));
    await importFolder(vault, path.join(work, 'missing', 'source'));
    const j2k = rows(vault).find((r) => r.path === 'j2k.dcm');
    await rm(blobFilePath(dir, j2k?.blobId ?? ''));
    expect(await computePendingDigests(vault)).toEqual({ done: 2, none: 1, failed: 1, stoppedBy: 'finished' });
    expect(statusOf(vault)['j2k.dcm']).toBe('failed');
    vault.close();
  });

  it('stops between instances when cancelled, keeping what was finished', async () => {
    const { vault } = await newVault('cancel');
    await writeGeneratedSource(path.join(work, 'cancel', 'source'));
    await importFolder(vault, path.join(work, 'cancel', 'source'));
    const aborted = new AbortController();
    aborted.abort();
    expect(await computePendingDigests(vault, { signal: aborted.signal })).toEqual({ done: 0, none: 0, failed: 0, stoppedBy: 'cancelled' });

    const controller = new AbortController();
    const summary = await computePendingDigests(vault, { batchSize: 1, signal: controller.signal, onProgress: () => controller.abort() });
    expect(summary).toEqual({ done: 1, none: 0, failed: 0, stoppedBy: 'cancelled' });
    expect(Object.values(statusOf(vault)).filter((s) => s === 'pending').length).toBe(3);
    expect(await computePendingDigests(vault)).toEqual({ done: 2, none: 1, failed: 0, stoppedBy: 'finished' });
    vault.close();
  });

  it('stops quietly when the vault locks mid-way; the rest is done after the next unlock', async () => {
    const { vault, dir } = await newVault('lock');
    await writeGeneratedSource(path.join(work, 'lock', 'source'));
    await importFolder(vault, path.join(work, 'lock', 'source'));
    const summary = await computePendingDigests(vault, { batchSize: 2, onProgress: () => vault.close() });
    expect(summary).toEqual({ done: 2, none: 0, failed: 0, stoppedBy: 'locked' });
    expect(await computePendingDigests(vault)).toEqual({ done: 0, none: 0, failed: 0, stoppedBy: 'locked' });

    const reopened = await openVault({ dir, passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy });
    expect(Object.values(statusOf(reopened)).filter((s) => s === 'pending').length).toBe(2);
    expect(await computePendingDigests(reopened)).toEqual({ done: 1, none: 1, failed: 0, stoppedBy: 'finished' });
    reopened.close();
  });

  it('runs overlapping calls for one vault one after another', async () => {
    const { vault } = await newVault('overlap');
    await writeGeneratedSource(path.join(work, 'overlap', 'source'));
    await importFolder(vault, path.join(work, 'overlap', 'source'));
    const [first, second] = await Promise.all([computePendingDigests(vault), computePendingDigests(vault)]);
    expect([first, second]).toEqual([{ done: 3, none: 1, failed: 0, stoppedBy: 'finished' }, { done: 0, none: 0, failed: 0, stoppedBy: 'finished' }]);
    vault.close();
  });
});

const CT_FOLDER = path.join(SAMPLES_DIR, 'transfer-syntax/ct-all-syntaxes-cornerstone');
const CT = 'CTImage.dcm';
const LOSSLESS_CT = [
  `${CT}`, `${CT}_LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2.dcm`, `${CT}_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm`,
  `${CT}_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm`, `${CT}_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm`,
  `${CT}_JPEGProcess14TransferSyntax_1.2.840.10008.1.2.4.57.dcm`, `${CT}_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm`,
  `${CT}_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm`, `${CT}_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm`,
];
const LOSSY_CT = [
  `${CT}_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm`, `${CT}_JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81.dcm`,
  `${CT}_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm`, 'CT1_J2KR', 'CT2_J2KR',
];
const TWELVE_BIT_CT = [
  `${CT}_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm`, `${CT}_JPEGProcess6_8TransferSyntax_1.2.840.10008.1.2.4.53.dcm`,
  `${CT}_JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm`,
];

describe.skipIf(!samplesPresent)('computePendingDigests (real CT in every transfer syntax)', () => {
  it('gives every lossless encoding the explicit little endian file\'s frame digests', async () => {
    const { vault } = await newVault('ct');
    await importFolder(vault, CT_FOLDER);
    const before = rows(vault);
    expect(before.map((r) => r.path).sort()).toEqual(readdirSync(CT_FOLDER).sort());
    expect(before.filter((r) => r.status === 'pending').length).toBe(12);

    expect(await computePendingDigests(vault)).toEqual({ done: 9, none: 3, failed: 0, stoppedBy: 'finished' });
    const byFile = new Map(rows(vault).map((r) => [r.path, r]));
    const reference = byFile.get(`${CT}_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm`)?.digests;
    expect(reference?.length).toBe(32);
    for (const file of LOSSLESS_CT) expect({ file, digests: byFile.get(file)?.digests }).toEqual({ file, digests: reference });
    for (const file of LOSSY_CT) {
      const row = byFile.get(file);
      expect({ file, status: row?.status, frames: row?.digests?.length, sameAsNative: row?.digests?.equals(reference ?? Buffer.alloc(0)) })
        .toEqual({ file, status: 'done', frames: 32, sameAsNative: false });
    }
    for (const file of TWELVE_BIT_CT) expect({ file, status: byFile.get(file)?.status }).toEqual({ file, status: 'none' });
    vault.close();
  });
});
