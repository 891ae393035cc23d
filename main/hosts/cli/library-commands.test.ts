/** `scanvault list` with search flags prints the ids that `scanvault remove` takes; remove shows the preview and asks unless --yes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSeries, type FixtureOptions } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { runCliCaptured, type CliRun } from '../../test-support/cli/run-cli';

const env = { SCANVAULT_PASSPHRASE: 'correct horse battery staple' };
let root: string;
let vault: string;
const v = (...args: string[]): Promise<CliRun> =>
  runCliCaptured(['--vault', vault, ...args], env, { log: silentLogger, settingsFile: path.join(root, 'settings.json') });

interface Page { total: number; studies: { id: number; description: string; series: { id: number }[] }[] }
const page = async (...args: string[]): Promise<Page> => JSON.parse((await v('--json', 'list', ...args)).stdout) as Page;

function source(name: string, o: FixtureOptions, count = 2): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  makeSeries(count, o).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-library-'));
  vault = path.join(root, 'vault');
  expect((await v('init')).code).toBe(0);
  expect((await v('import', source('A', { studyDescription: 'CT HEAD', studyDate: '20240102' }), '--source', 'CD one')).code).toBe(0);
  expect((await v('import', source('B', { studyDescription: 'MR KNEE', modality: 'MR', studyDate: '20230505' }), '--source', 'USB two')).code).toBe(0);
  expect((await v('import', source('C', { studyDescription: 'US NECK', modality: 'US', studyDate: '20220101' }, 1), '--source', 'Zip three')).code).toBe(0);
});

describe('scanvault list', () => {
  it('prints studies with ids, newest first, and filters with --search, --from/--to, --modality, --limit', async () => {
    const text = (await v('list')).stdout;
    expect(text).toMatch(/^3 studies:\nstudy \d+ {2}2024-01-02 {2}CT {2}CT HEAD/);
    expect(text).toMatch(/ {4}series \d+: series 1 {2}CT {2}AXIAL \(2 images\)/);
    expect((await page('--search', 'knee')).studies.map((s) => s.description)).toEqual(['MR KNEE']);
    expect((await page('--from', '2023-01-01', '--to', '2023-12-31')).studies.map((s) => s.description)).toEqual(['MR KNEE']);
    expect((await page('--modality', 'US')).studies.map((s) => s.description)).toEqual(['US NECK']);
    expect((await page('--sort', 'date-oldest', '--limit', '1')).studies.map((s) => s.description)).toEqual(['US NECK']);
    expect((await v('list', '--limit', '1', '--offset', '1')).stdout).toContain('Studies 2-2 of 3 (use --offset 2 for more):');
    expect((await v('list', '--search', 'nothing-here')).stdout).toBe('No studies match. Try fewer words or filters.\n');
  });

  it('refuses bad flags before asking for the passphrase', async () => {
    const bad = await v('list', '--from', '2024-13-01');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from');
    expect((await v('list', '--limit', '500')).code).toBe(2);
    expect((await v('list', '--sort', 'random')).code).toBe(2);
  });

  it('lists imports with ids', async () => {
    const text = (await v('list', '--imports')).stdout;
    expect(text).toMatch(/^import \d+ {2}Zip three, received \d{4}-\d{2}-\d{2}; 1 study, 1 image, 0 reports \(done\)\n/);
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('scanvault remove', () => {
  it('shows the preview and, without a terminal to ask at, removes nothing unless --yes', async () => {
    const knee = (await page('--search', 'knee')).studies[0]!;
    const asked = await v('remove', 'study', String(knee.id));
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('Remove this study from the vault?');
    expect(asked.stderr).toContain('This removes 1 study, 1 series and 2 pictures');
    expect(asked.stderr).toContain('Backups of the vault made earlier still hold them');
    expect(asked.stderr).toContain('add --yes');
    expect((await page()).total).toBe(3);
    expect((await v('--json', 'remove', 'study', String(knee.id))).code).toBe(2);
  });

  it('removes a series, a study and an import with --yes; --json prints preview and result', async () => {
    const head = (await page('--search', 'head')).studies[0]!;
    const series = await v('remove', 'series', String(head.series[0]!.id), '--yes');
    expect(series.stdout).toBe('Removed 1 study, 1 series and 2 pictures from the vault.\n');
    const neck = (await page('--search', 'neck')).studies[0]!;
    const json = JSON.parse((await v('--json', 'remove', 'study', String(neck.id), '--yes')).stdout) as { preview: { fingerprint: string }; result: { pictures: number; filesLeft: number } };
    expect(json.preview.fingerprint).toMatch(/^[a-f0-9]{64}$/);
    expect(json.result).toMatchObject({ pictures: 1, filesLeft: 0 });
    const usb = /import (\d+) {2}USB two/.exec((await v('list', '--imports')).stdout)![1]!;
    expect((await v('remove', 'import', usb, '--yes')).code).toBe(0);
    expect((await page()).total).toBe(0);
    expect((await v('list', '--imports')).stdout).toMatch(/CD one.*0 studies, 0 images/);
  });

  it('says plainly what is wrong with the arguments and with an unknown id', async () => {
    expect((await v('remove', 'patient', '1')).stderr).toContain('say study, series or import');
    expect((await v('remove', 'study', 'abc')).code).toBe(2);
    const gone = await v('remove', 'study', '99999', '--yes');
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('no longer in the vault');
  });
});
