/** The share commands end to end on a real vault: export (folder, zip), shares (text, JSON, CSV), share-add, verify-export. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSeries } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { runCliCaptured, type CliRun } from '../../test-support/cli/run-cli';

const env = { SCANVAULT_PASSPHRASE: 'correct horse battery staple' };

describe('scanvault export, shares, share-add, verify-export', () => {
  let root: string;
  let vault: string;
  let studyUid: string;
  let settingsFile: string;
  const cli = (args: string[]): Promise<CliRun> => runCliCaptured(['--vault', vault, ...args], env, { log: silentLogger, settingsFile });

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-share-cli-'));
    vault = path.join(root, 'vault');
    settingsFile = path.join(root, 'settings.json');
    expect((await cli(['init'])).code).toBe(0);
    const src = path.join(root, 'CD');
    mkdirSync(src);
    const files = makeSeries(2, { patientName: 'WHITFIELD^MARGARET', patientId: 'MRN-77123' });
    files.forEach((b, i) => writeFileSync(path.join(src, `IM${i}`), b));
    const us = makeSeries(1, { patientName: 'WHITFIELD^MARGARET', patientId: 'MRN-77123', modality: 'US' });
    writeFileSync(path.join(src, 'US0'), us[0]!);
    expect((await cli(['import', src])).code).toBe(0);
    const list = JSON.parse((await cli(['--json', 'list'])).stdout) as { studies: { studyInstanceUid: string; modalities: string[] }[] };
    studyUid = list.studies.find((s) => s.modalities.includes('CT'))!.studyInstanceUid;
  });

  it('export --json prints the issue\'s shape, with progress on stderr, and verify-export checks it', async () => {
    const out = path.join(root, 'share1');
    const r = await cli(['export', '--study', studyUid, '--recipient', 'Dr Ada Second', '--role', 'radiologist', '--purpose', 'second opinion', '--out', out, '--json']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringContaining('Preparing the share')]);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['shareId', 'pseudonym', 'files', 'heldBack', 'masked', 'packageSha256', 'anchor']));
    expect(report).toMatchObject({ files: 2, heldBack: [], masked: [], pseudonym: expect.stringMatching(/^SECOND-OPINION-/) as unknown });
    expect(r.stdout + r.stderr).not.toContain('WHITFIELD');
    const verify = await cli(['verify-export', out, '--fingerprint', report.fingerprint as string]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`Fingerprint verified against: ${report.fingerprint as string}`);
    expect(verify.stdout).not.toContain('the key the share carries itself');
    const unchecked = await cli(['verify-export', out]);
    expect([unchecked.code, unchecked.stdout]).toEqual([0, expect.stringContaining('That is the key the share carries itself.')]);
    const wrong = await cli(['--json', 'verify-export', out, '--fingerprint', 'AAAA BBBB']);
    expect(wrong.code).toBe(4);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, fingerprintMismatch: true });
  });

  it('holds back an ultrasound picture by default (exit 0, listed) and --burned-in exclude leaves it out; options by PS3.15 name', async () => {
    const usStudy = JSON.parse((await cli(['--json', 'list'])).stdout) as { studies: { studyInstanceUid: string; modalities: string[] }[] };
    const us = usStudy.studies.find((s) => s.modalities.includes('US'))!.studyInstanceUid;
    const r = await cli(['--json', 'export', '--study', studyUid, us, '--recipient', 'Dr B', '--purpose', 'review', '--zip', path.join(root, 'share2.zip'),
      '--option', 'retain-device-identity', '--no-option', 'retain-longitudinal-modified-dates']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: number; heldBack: { sopInstanceUid: string; reason: string }[] };
    expect(report.files).toBe(2);
    expect(report.heldBack.map((h) => h.reason)).toEqual(['burned-in-likely']);
    const shares = JSON.parse((await cli(['--json', 'shares'])).stdout) as { shares: { options: string[]; method: string }[] };
    expect(shares.shares[0]).toMatchObject({ method: 'ScanVault export (zip)', options: ['retain-patient-characteristics', 'retain-device-identity', 'clean-descriptors'] });
    const text = await cli(['export', '--study', us, '--recipient', 'Dr B', '--purpose', 'review', '--out', path.join(root, 'share3'), '--burned-in', 'exclude']);
    expect(text.code).toBe(1); // nothing left to share: each picture listed with its plain reason, and what to do next
    expect(text.stderr).toContain('Nothing was shared: all 1 chosen file(s) are held back or left out.');
    expect(text.stderr).toMatch(/left out \(--burned-in exclude\): Pictures of this kind \(ultrasound/);
    expect(text.stderr).toContain('review them in the app ("scanvault serve", then Share)');
    const held = await cli(['--json', 'export', '--study', us, '--recipient', 'Dr B', '--purpose', 'review', '--out', path.join(root, 'share4')]);
    expect(held.code).toBe(1);
    expect(JSON.parse(held.stdout)).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('held back: Pictures of this kind') as unknown } });
    expect((await cli(['export', '--study', us, '--recipient', 'X', '--purpose', 'y', '--out', path.join(root, 'x'), '--option', 'keep-everything'])).code).toBe(2);
  });

  it('refuses before reading any file what the export would refuse later, in plain words', async () => {
    const taken = path.join(root, 'taken');
    mkdirSync(taken);
    const exists = await cli(['export', '--study', studyUid, '--recipient', 'Dr B', '--purpose', 'review', '--out', taken]);
    expect([exists.code, exists.stderr]).toEqual([1, expect.stringContaining('ScanVault never overwrites it')]);
    expect(exists.stderr).not.toContain('Preparing the share');
    const noParent = await cli(['export', '--study', studyUid, '--recipient', 'Dr B', '--purpose', 'review', '--zip', path.join(root, 'missing', 'x.zip')]);
    expect([noParent.code, noParent.stderr]).toEqual([1, expect.stringContaining('The folder to save the share in does not exist')]);
    const blank = await cli(['export', '--study', studyUid, '--recipient', ' ', '--purpose', 'review', '--out', path.join(root, 'blank')]);
    expect([blank.code, blank.stderr]).toEqual([2, expect.stringContaining('--recipient: write the name of the person or place')]);
    const both = await cli(['export', '--study', studyUid, '--identified', '--option', 'retain-device-identity', '--recipient', 'Dr B', '--purpose', 'review', '--out', path.join(root, 'both')]);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--identified sends the original files as they are')]);
    const unknown = await cli(['export', '--study', '1.2.3.999', '--recipient', 'Dr B', '--purpose', 'review', '--out', path.join(root, 'unknown')]);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('"scanvault list" shows')]);
  });

  it('stops with LEAK_GUARD (exit 1, saying where) and writes nothing', async () => {
    const out = path.join(root, 'leak');
    const r = await cli(['--json', 'export', '--study', studyUid, '--recipient', 'Dr C', '--purpose', 'for Margaret Whitfield', '--out', out]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'LEAK_GUARD', message: expect.stringContaining('purpose') as unknown } });
  });

  it('share-add records an outside share; shares --csv has the same columns as --json', async () => {
    const people = JSON.parse((await cli(['--json', 'people'])).stdout) as { people: { id: number }[] };
    const add = await cli(['--json', 'share-add', '--person', String(people.people[0]!.id), '--date', '2025-10-01', '--recipient', 'Claims desk', '--org', 'Acme, Inc.',
      '--purpose', 'insurance claim', '--method', 'portal share', '--study', studyUid]);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ outside: true, recipient: { org: 'Acme, Inc.' } });
    const json = JSON.parse((await cli(['--json', 'shares'])).stdout) as { shares: Record<string, unknown>[] };
    expect(Object.keys(json.shares[0]!)).toEqual(['id', 'date', 'recipient', 'purpose', 'method', 'items', 'profile', 'options', 'packageSha256', 'pseudonym', 'outside']);
    const csv = await cli(['shares', '--csv']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,date,recipient.name,recipient.role,recipient.org,recipient.contact,purpose,method,items,profile,options,packageSha256,pseudonym,outside');
    expect(lines).toHaveLength(json.shares.length + 1);
    expect(csv.stdout).toContain('"Acme, Inc."');
    expect((await cli(['share-add', '--person', '1', '--date', '2025-02-30', '--recipient', 'x', '--purpose', 'y', '--method', 'z'])).code).toBe(2);
    const text = await cli(['shares']);
    expect(text.stdout).toContain('(recorded by hand)');
    expect(readFileSync(path.join(root, 'share1', 'README.txt'), 'utf8').replace(/\s+/g, ' ')).toContain('for Dr Ada Second');
  });
});
