import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compressedFile, encodeJpegLs, le16 } from '../../test-support/dicom/compressed-fixtures';
import { FAST_KDF, makeDicom } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';
import { libraryRecords } from '../../../shared/domain';

describe('background pixel fingerprints through the core', () => {
  it('fingerprints a compressed image after import, so its status leaves "pending"', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-digest-'));
    const source = path.join(root, 'in');
    mkdirSync(source);
    const values = Array.from({ length: 16 * 16 }, (_, i) => (i * 37) % 4096);
    const jls = await encodeJpegLs({ width: 16, height: 16, components: 1, bitsPerSample: 16, bytes: le16(values) });
    writeFileSync(path.join(source, 'jls.dcm'), compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.80', rows: 16, columns: 16, bitsAllocated: 16, bitsStored: 12, fragments: [jls] }));

    const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: 'correct horse battery staple' });
    const { jobId } = await core.startImport({ paths: [source], provenance: { sourceLabel: 'test' } });
    expect((await core.waitForJob(jobId)).importReport?.imported).toBe(1);
    await core.waitForBackgroundWork();
    const row = core.requireVault().db.prepare('SELECT pixel_digest_status AS status, length(frame_digests) AS n FROM instances').get();
    expect(row).toEqual({ status: 'done', n: 32 });
    await core.lockNow();
  });

  it('tells a re-encoded copy (same pixels, JPEG-LS) from an altered one once the pass has run', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-reenc-'));
    const source = path.join(root, 'in');
    mkdirSync(source);
    const ids = { studyUid: '2.25.1111', seriesUid: '2.25.2222', sopUid: '2.25.3333' };
    writeFileSync(path.join(source, 'native.dcm'), makeDicom({ ...ids, patientId: 'TEST-ID' }));
    const values = Array.from({ length: 256 }, (_, i) => (i * 31) & 0x0fff); // makeDicom's pixels
    const jls = await encodeJpegLs({ width: 16, height: 16, components: 1, bitsPerSample: 16, bytes: le16(values) });
    writeFileSync(path.join(source, 'reencoded.dcm'), compressedFile({
      transferSyntaxUid: '1.2.840.10008.1.2.4.80', rows: 16, columns: 16, bitsAllocated: 16, bitsStored: 12, fragments: [jls], sopInstanceUid: ids.sopUid,
    }));
    const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: 'correct horse battery staple' });
    const { jobId } = await core.startImport({ paths: [source], provenance: { sourceLabel: 'test' } });
    expect((await core.waitForJob(jobId)).importReport?.conflicts).toHaveLength(1);
    await core.waitForBackgroundWork();
    const all = libraryRecords(await core.listLibrary()).flatMap((p) => p.studies).flatMap((s) => s.series);
    const series = all.find((s) => s.conflictCount > 0);
    expect(series).toMatchObject({ conflictCount: 2, alteredCount: 0 });
    await core.lockNow();
  });
});
