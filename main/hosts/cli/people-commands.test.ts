import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSeries, type FixtureOptions } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { runCliCaptured, type CliRun } from '../../test-support/cli/run-cli';

const env = { SCANVAULT_PASSPHRASE: 'correct horse battery staple' };

function cli(args: string[]): Promise<CliRun> {
  return runCliCaptured(args, env, { log: silentLogger, settingsFile: path.join(root, 'settings.json') });
}

interface Listed { people: { id: number; displayName: string | null; records: { id: number; patientId: string; linkedBy: string }[] }[] }

let root: string;
let vault: string;
const v = (...args: string[]) => cli(['--vault', vault, ...args]);
const listed = async (): Promise<Listed> => JSON.parse((await v('--json', 'people')).stdout) as Listed;

function source(name: string, o: FixtureOptions): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  makeSeries(2, o).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-people-'));
  vault = path.join(root, 'vault');
  expect((await v('init')).code).toBe(0);
  const a = source('MERCY', { patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'MERCY-1' });
  const b = source('NORTH', { patientName: 'Doe^Jane', birthDate: '19800412', patientId: 'NORTH-2' });
  const c = source('CLINIC', { patientName: 'DOE^JANE', birthDate: '19800414', patientId: 'CLINIC-3' });
  expect((await v('import', a, b, c, '--source', 'CDs')).code).toBe(0);
});

describe('scanvault people', () => {
  it('lists people with their records in text and JSON; help explains every subcommand', async () => {
    const text = await v('people');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/person \d+: JANE DOE — 2 records, 2 studies/);
    expect(text.stdout).toContain('(born 1980-04-12, ID NORTH-2)');
    expect(text.stdout).toContain('placed here by ScanVault');
    const json = await listed();
    expect(json.people.map((p) => p.records.map((r) => r.patientId).sort())).toEqual(expect.arrayContaining([['MERCY-1', 'NORTH-2'], ['CLINIC-3']]));
    const help = await cli(['people', '--help']);
    for (const sub of ['list', 'link', 'unlink', 'rename', 'profile']) expect(help.stdout).toContain(sub);
    expect((await cli(['people', 'profile', '--help'])).stdout).toContain('record-numbers');
  });

  it('links and unlinks by hand, with usage errors for bad numbers', async () => {
    const before = await listed();
    const jane = before.people.find((p) => p.records.length === 2)!;
    const clinic = before.people.find((p) => p.records[0]!.patientId === 'CLINIC-3')!.records[0]!;
    const link = await v('--json', 'people', 'link', String(jane.id), String(clinic.id));
    expect(link.code).toBe(0);
    expect(JSON.parse(link.stdout)).toEqual({ personId: jane.id, moved: 1 });
    const after = await listed();
    expect(after.people).toHaveLength(1);
    expect(after.people[0]!.records.find((r) => r.id === clinic.id)!.linkedBy).toBe('hand');

    const unlink = await v('people', 'unlink', String(clinic.id));
    expect(unlink.code).toBe(0);
    expect(unlink.stdout).toMatch(/is now person \d+, on its own/);
    expect((await listed()).people).toHaveLength(2);
    expect((await v('people', 'unlink', String(clinic.id))).stderr).toContain('already a person of its own');

    expect((await v('people', 'link', 'abc', '1')).code).toBe(2);
    expect((await v('people', 'link', '1')).code).toBe(2);
    const gone = await v('people', 'link', '99999', String(clinic.id));
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('no longer in the vault');
  });

  it('sets profile fields, refuses invalid ones in plain words, and renames', async () => {
    const personId = String((await listed()).people[0]!.id);
    const set = await v('--json', 'people', 'profile', personId, '--set', 'legal-name=Jane Ann Doe', '--set', 'former-names=Jane Smith; J. Smith',
      '--set', 'record-numbers=Mercy Hospital: MRN-0001; Northside: 44:19', '--set', 'representative-name=Pat Doe', '--set', 'representative-relationship=parent',
      '--set', 'birth-date=1980-04-12');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      legalName: 'Jane Ann Doe', formerNames: ['Jane Smith', 'J. Smith'], birthDate: '1980-04-12',
      recordNumbers: [{ facility: 'Mercy Hospital', number: 'MRN-0001' }, { facility: 'Northside', number: '44:19' }],
      representative: { name: 'Pat Doe', relationship: 'parent', phone: null, email: null },
    });
    const shown = await v('people', 'profile', personId);
    expect(shown.stdout).toContain('legal name:       Jane Ann Doe');
    expect(shown.stdout).toContain('Mercy Hospital: MRN-0001');

    const bad = await v('people', 'profile', personId, '--set', 'birth-date=1980-02-31');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('check that the day exists');
    expect((await v('people', 'profile', personId, '--set', 'shoe-size=9')).stderr).toContain('There is no profile field “shoe-size”');
    expect((await v('--json', 'people', 'profile', personId, '--set', 'legal-name=')).stdout).toContain('"legalName": null');

    expect((await v('people', 'rename', personId, 'Mum')).code).toBe(0);
    expect((await listed()).people.find((p) => String(p.id) === personId)!.displayName).toBe('Mum');
    expect((await v('list')).stdout).toContain(`Mum (person ${personId})`);
  });
});
