import { afterAll, describe, expect, it } from 'vitest';
import { deflatedZeros, dicomLike, fileItem, scratchDir } from '../../test-support/sources/test-helpers';
import { buildZip, type FixtureEntry } from '../../test-support/sources/zip-fixture';
import { scanSources } from './scan-sources';
import type { SourceFile } from './types';

const MiB = 1024 * 1024;
const scratch = scratchDir('stream-test');
afterAll(() => scratch.remove());

let counter = 0;
const writeZip = (name: string, entries: FixtureEntry[]): string => scratch.write(`${counter++}/${name}`, buildZip(entries));

/** What a consumer writing as it goes sees: the bytes it got and whether its loop ended normally, or the error code. */
async function streamed(file: SourceFile): Promise<{ bytes: Buffer; chunks: number } | { code: string; completed: boolean }> {
  let completed = false;
  try {
    return await file.stream(async (chunks) => {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      completed = true;
      return { bytes: Buffer.concat(parts), chunks: parts.length };
    });
  } catch (err) {
    return { code: (err as { code?: string }).code ?? 'none', completed };
  }
}

describe('SourceFile.stream()', () => {
  it('gives a disk file and a zip entry the bytes read() gives, in chunks', async () => {
    const big = Buffer.concat([dicomLike(1), Buffer.alloc(3 * MiB, 9)]);
    const onDisk = scratch.write(`${counter++}/IM1`, big);
    const zip = writeZip('a.zip', [{ name: 'IM2', data: big }, { name: 'IM3', data: dicomLike(3), method: 0 }]);
    const scan = await scanSources([onDisk, zip]);
    for (const [name, expected] of [['IM1', big], ['a.zip/IM2', big], ['a.zip/IM3', dicomLike(3)]] as const) {
      const file = fileItem(scan, name);
      const got = await streamed(file);
      expect('bytes' in got && got.bytes.equals(expected)).toBe(true);
      expect((await file.read()).equals(expected)).toBe(true);
    }
    const chunks = await streamed(fileItem(scan, 'IM1'));
    expect('chunks' in chunks && chunks.chunks).toBeGreaterThan(1);
  });

  it('fails inside the iteration, before the consumer finishes, on a bad CRC or a lying size', async () => {
    const zip = writeZip('bad.zip', [
      { name: 'badcrc', data: dicomLike(1), method: 0, declaredCrc: 12345 },
      { name: 'liar', rawData: await deflatedZeros(16 * MiB), declaredSize: 1000 },
      { name: 'short', data: dicomLike(3), declaredSize: 10_000 },
    ]);
    const scan = await scanSources([zip]);
    for (const name of ['badcrc', 'liar', 'short']) {
      expect(await streamed(fileItem(scan, `bad.zip/${name}`))).toEqual({ code: 'ZIP_ENTRY_CORRUPT', completed: false });
    }
  });

  it('enforces the compression ratio while streaming, as read() does', async () => {
    const compressed = await deflatedZeros(256 * MiB);
    // Declared 40 MiB looks plausible (under 200:1), so only the bytes inflated can tell.
    const zip = writeZip('ratio.zip', [{ name: 'zeros', rawData: compressed, declaredSize: 40 * MiB }]);
    expect(40 * MiB / compressed.length).toBeLessThan(200);
    const scan = await scanSources([zip]);
    expect(await streamed(fileItem(scan, 'ratio.zip/zeros'))).toEqual({ code: 'ZIP_ENTRY_RATIO', completed: false });
  });
});
