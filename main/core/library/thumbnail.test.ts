import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compressedFile, encodeJpegLs, le16 } from '../../test-support/dicom/compressed-fixtures';
import { FAST_KDF, makeDicom } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';
import { libraryRecords } from '../../../shared/domain';

describe('series previews', () => {
  it('previews a JPEG-LS series exactly like the same pixels stored uncompressed', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-thumb-'));
    const source = path.join(root, 'in');
    mkdirSync(source);
    // makeDicom's pixel pattern for a 16x16 image with seed 0.
    const values = Array.from({ length: 256 }, (_, i) => (i * 31) & 0x0fff);
    writeFileSync(path.join(source, 'native.dcm'), makeDicom({ seriesDescription: 'NATIVE' }));
    const jls = await encodeJpegLs({ width: 16, height: 16, components: 1, bitsPerSample: 16, bytes: le16(values) });
    writeFileSync(path.join(source, 'jls.dcm'), compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.80', rows: 16, columns: 16, bitsAllocated: 16, bitsStored: 12, fragments: [jls] }));

    const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: 'correct horse battery staple' });
    const { jobId } = await core.startImport({ paths: [source], provenance: { sourceLabel: 'test' } });
    expect((await core.waitForJob(jobId)).importReport?.imported).toBe(2);
    const series = libraryRecords(await core.listLibrary()).flatMap((p) => p.studies).flatMap((s) => s.series);
    const thumbs = await Promise.all(series.map((s) => core.getSeriesThumbnail({ seriesId: s.id })));
    expect(thumbs.every((t) => t !== null && t.width === 16)).toBe(true);
    expect(thumbs[0]!.grayBase64).toBe(thumbs[1]!.grayBase64);
    expect(new Set(Buffer.from(thumbs[0]!.grayBase64, 'base64')).size).toBeGreaterThan(100);
    await core.lockNow();
  });
});
