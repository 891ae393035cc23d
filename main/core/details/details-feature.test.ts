/**
 * The study view's details through the core, on real sample files imported into a real vault:
 * the attribute tree (character sets, nested sequences, private attributes, E.1-1 flags), a
 * structured report as text, the embedded PDF byte-exact against dcmtk's dcm2pdf, provenance.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttributeNode } from '../../../shared/api/details';
import { makeDetailsVault, type DetailsVault } from '../../test-support/details/details-vault';
import { optionalToolPresent } from '../../test-support/optional-tools';
import { SAMPLES_DIR, sampleBytes, samplesPresent } from '../../test-support/sample-corpus';

const FILES = {
  japanese: 'charset/chrH32.dcm',
  itemCharset: 'charset/chrSQEncoding.dcm',
  greek: 'charset/chrGreek.dcm',
  privateCt: 'dicomdir-cd/pydicom-dicomdirtests/77654033/CT2/17106',
  implicitUs: 'color-photometric/gdcm-US-ALOKA-16.dcm',
  measurementSr: 'sr-pdf-rt-other/sr_document.dcm',
  deflatedSr: 'transfer-syntax/deflated-dicomparser/report_dfl',
  pdf: 'sr-pdf-rt-other/sample-pdf.dcm',
};

const find = (nodes: AttributeNode[], tag: string): AttributeNode | undefined => nodes.find((n) => n.tag === tag);

async function streamed(vault: DetailsVault, id: number): Promise<Buffer> {
  const opened = await vault.core.openBytes({ kind: 'encapsulated-pdf', id });
  const stream = await opened.stream(0, opened.size);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.skipIf(!samplesPresent)('DetailsFeature on real samples', () => {
  let vault: DetailsVault;
  beforeAll(async () => {
    vault = await makeDetailsVault(Object.values(FILES));
  }, 120_000);
  afterAll(() => vault.cleanup());

  it('decodes ISO 2022 text and flags the name as identifying, in plain words', async () => {
    const { attributes, characterSet, complete } = await vault.core.getInstanceAttributes({ instanceId: vault.instanceOf(FILES.japanese) });
    expect(complete).toBe(true);
    expect(characterSet).toBe('ISO 2022 IR 13\\ISO 2022 IR 87');
    const name = find(attributes, '(0010,0010)')!;
    expect(name).toMatchObject({ keyword: 'PatientName', name: 'Patient Name', vr: 'PN', value: 'ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう' });
    expect(name.identifying).toEqual({ reason: 'Identifies you: name', whenShared: 'emptied', safePrivate: false });
    expect(find(attributes, '(0028,0010)')).toMatchObject({ value: '32', identifying: null });
    expect(find(attributes, '(0002,0010)')?.value).toBe('1.2.840.10008.1.2.1'); // File Meta is listed too
    expect(find(attributes, '(7FE0,0010)')).toMatchObject({ value: null, note: 'Image pixels, 1,024 bytes; shown in the viewer, not here' });
  });

  it('reads a sequence item with its own character set', async () => {
    const { attributes } = await vault.core.getInstanceAttributes({ instanceId: vault.instanceOf(FILES.itemCharset) });
    const sequence = find(attributes, '(0032,1064)')!;
    expect(sequence).toMatchObject({ vr: 'SQ', note: '1 item' });
    expect(find(sequence.items![0]!, '(0010,0010)')?.value).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
  });

  it('decodes single-byte character sets', async () => {
    const { attributes } = await vault.core.getInstanceAttributes({ instanceId: vault.instanceOf(FILES.greek) });
    expect(find(attributes, '(0010,0010)')?.value).toBe('Διονυσιος');
  });

  it('names private attributes by their creator and knows the standard’s safe ones', async () => {
    const { attributes } = await vault.core.getInstanceAttributes({ instanceId: vault.instanceOf(FILES.privateCt) });
    expect(find(attributes, '(0009,0010)')).toMatchObject({ value: 'GEMS_IDEN_01', name: 'Private block owner (maker name)' });
    const product = find(attributes, '(0009,1004)')!;
    expect(product).toMatchObject({ privateCreator: 'GEMS_IDEN_01', name: 'Private attribute of GEMS_IDEN_01', value: 'LightSpeed Plus' });
    expect(product.identifying).toMatchObject({ whenShared: 'removed', safePrivate: false });
    expect(find(attributes, '(0019,1002)')).toMatchObject({ vr: 'SL', value: '912', privateCreator: 'GEMS_ACQU_01' });
    const pitch = find(attributes, '(0043,1027)')!;
    expect(pitch).toMatchObject({ privateCreator: 'GEMS_PARM_01', name: 'Scan Pitch Ratio in the form "n.nnn:1"' });
    expect(pitch.identifying?.safePrivate).toBe(true);
  });

  it('reads implicit VR files with the dictionary’s VRs, numbers included', async () => {
    const { attributes, transferSyntax } = await vault.core.getInstanceAttributes({ instanceId: vault.instanceOf(FILES.implicitUs) });
    expect(transferSyntax).toBe('1.2.840.10008.1.2');
    const regions = find(attributes, '(0018,6011)')!;
    expect(regions.items!.length).toBeGreaterThan(1);
    expect(find(regions.items![0]!, '(0018,602C)')).toMatchObject({ vr: 'FD', value: '0.03826530650258064' });
    expect(find(attributes, '(0008,0008)')?.value).toBe('ORIGINAL \\ PRIMARY \\ ABDOM/RAD \\ 0001');
  });

  it('reads a structured report as text with measurements and units', async () => {
    const report = await vault.core.getStructuredReport({ instanceId: vault.instanceOf(FILES.measurementSr) });
    expect(report.title).toBe('Imaging Measurement Report');
    expect(report.lines.some((l) => l.kind === 'measurement' && l.text === '1.7 cm2')).toBe(true);
    expect(report.lines.some((l) => l.kind === 'heading')).toBe(true);
    expect(report.truncated).toBe(false);
  });

  it('reads a deflated report: names in words, relations in words', async () => {
    const report = await vault.core.getStructuredReport({ instanceId: vault.instanceOf(FILES.deflatedSr) });
    expect(report.title).toBe('Consultation Report');
    expect(report.status).toEqual(['Not complete (partial)', 'Not verified']);
    expect(report.lines[0]).toEqual({ depth: 0, kind: 'text', label: 'Observer Name', text: 'David M. Packer M. D.', relation: 'observation context' });
    expect(report.lines.some((l) => l.depth >= 1)).toBe(true);
  });

  it('refuses a report view of a file that is not a report, and unknown instances', async () => {
    await expect(vault.core.getStructuredReport({ instanceId: vault.instanceOf(FILES.greek) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(vault.core.getInstanceAttributes({ instanceId: 987654 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(vault.core.getInstanceProvenance({ instanceId: 987654 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(vault.core.openBytes({ kind: 'encapsulated-pdf', id: vault.instanceOf(FILES.greek) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the embedded PDF, a range of it too', async () => {
    const id = vault.instanceOf(FILES.pdf);
    const pdf = await streamed(vault, id);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const opened = await vault.core.openBytes({ kind: 'encapsulated-pdf', id });
    const part = await opened.stream(10, 20);
    const chunks: Buffer[] = [];
    for await (const chunk of part) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(pdf.subarray(10, 20))).toBe(true);
  });

  it.skipIf(!optionalToolPresent('dcm2pdf', 'the embedded PDF cross-check'))('the embedded PDF equals dcmtk dcm2pdf byte for byte', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-dcm2pdf-'));
    try {
      const out = path.join(dir, 'out.pdf');
      const run = spawnSync('dcm2pdf', [path.join(SAMPLES_DIR, FILES.pdf), out]);
      expect(run.status).toBe(0);
      const ours = await streamed(vault, vault.instanceOf(FILES.pdf));
      expect(createHash('sha256').update(ours).digest('hex')).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says where a file came from, each time, and its digests', async () => {
    const id = vault.instanceOf(FILES.greek);
    await vault.importAgain('Second copy', [FILES.greek]);
    const provenance = await vault.core.getInstanceProvenance({ instanceId: id });
    expect(provenance.imports.map((i) => [i.sourceLabel, i.outcome, i.handedOverBy, i.sourceKind])).toEqual([
      ['Sample disc', 'imported', 'Dr Test', 'files'],
      ['Second copy', 'seen-again', 'Dr Test', 'files'],
    ]);
    expect(provenance.imports[0]!.originalPath).toMatch(/chrGreek\.dcm$/);
    expect(provenance.fileSha256).toBe(createHash('sha256').update(sampleBytes(FILES.greek)).digest('hex'));
    expect(provenance.datasetSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(provenance.pixel).toMatchObject({ status: 'done', frameCount: 1 });
    expect(provenance.pixel.frameDigests[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(provenance.size).toBe(sampleBytes(FILES.greek).length);
  });
});
