/** The zip bundle: classic below the limits, ZIP64 records past them, read back by yauzl (as verify-export and import read it) and by Info-ZIP's unzip when installed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { optionalToolPresent } from '../../../test-support/optional-tools';
import { readZipEntries } from '../../../test-support/share/read-zip';
import { zipSink, type ZipLimits } from './zip-sink';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

async function writeZip(files: [string, Buffer][], limits?: ZipLimits): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-zip-'));
  dirs.push(dir);
  const target = path.join(dir, 'share.zip');
  const sink = await zipSink(target, new Date(2026, 11, 4, 10, 30), limits);
  await Promise.all(files.map(([name, bytes]) => sink.add(name, bytes)));
  await sink.close();
  await sink.commit();
  return target;
}

const ZIP64_END = Buffer.from([0x50, 0x4b, 0x06, 0x06]);
const hasUnzip = optionalToolPresent('unzip', 'the zip bundle is read by Info-ZIP unzip');

/** `unzip -t`: every entry's CRC checked; its last line says whether there were errors. */
function unzipTest(file: string): { status: number | null; last: string } {
  const run = spawnSync('unzip', ['-t', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, last: `${run.stdout}${run.stderr}`.trim().split('\n').pop() ?? '' };
}

const files = (n: number): [string, Buffer][] => Array.from({ length: n }, (_, i) => [`DICOM/P0000001/IM${String(i).padStart(6, '0')}`, Buffer.from(`picture ${i} `.repeat(i % 7 + 1))]);

describe('zipSink', () => {
  it('writes a classic zip below the limits', async () => {
    const zip = await writeZip(files(5));
    expect(readFileSync(zip).includes(ZIP64_END)).toBe(false);
    const read = await readZipEntries(zip);
    expect([...read.keys()]).toEqual(files(5).map(([n]) => n));
    expect(read.get('DICOM/P0000001/IM000003')?.toString()).toBe('picture 3 '.repeat(4));
    if (hasUnzip) expect(unzipTest(zip)).toEqual({ status: 0, last: 'No errors detected in compressed data of ' + zip + '.' });
  });

  it('adds ZIP64 records past the limits (forced low here): entries beyond the offset limit, more entries than the count allows', async () => {
    const zip = await writeZip(files(6), { offset: 60, entries: 4 });
    expect(readFileSync(zip).includes(ZIP64_END)).toBe(true);
    const read = await readZipEntries(zip);
    expect(read.size).toBe(6);
    for (const [name, bytes] of files(6)) expect(read.get(name)).toEqual(bytes);
    if (hasUnzip) expect(unzipTest(zip)).toEqual({ status: 0, last: 'No errors detected in compressed data of ' + zip + '.' });
  });
});
