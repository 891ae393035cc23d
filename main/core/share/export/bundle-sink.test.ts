import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { folderSink } from './bundle-sink';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'sv-sink-'));
  dirs.push(d);
  return d;
};

/** FileHandle is not exported; its prototype is reached through an open handle. */
async function handlePrototype(dir: string): Promise<{ sync: () => Promise<void> }> {
  const handle = await open(path.join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
  await handle.close();
  return proto;
}

describe.skipIf(process.platform !== 'linux')('folderSink', () => {
  it('fsyncs and closes every file it wrote (in batches, through the writing handle) before close() returns', async () => {
    const dir = tempDir();
    const proto = await handlePrototype(dir);
    const sync = vi.spyOn(proto, 'sync');
    const openFds = () => readdirSync('/proc/self/fd').length;
    const fdsBefore = openFds();
    const sink = await folderSink(path.join(dir, 'share'));
    const count = 150; // more than two batches
    await Promise.all(Array.from({ length: count }, (_, i) => sink.add(`DICOM/P${i % 3}/IM${i}`, Buffer.from(`file ${i}`))));
    await sink.close();
    // Each file once, plus the partial folder and its three subfolders (and DICOM).
    expect(sync.mock.calls.length).toBe(count + 5);
    expect(openFds()).toBe(fdsBefore); // every handle closed again
    await sink.commit();
    const root = path.join(dir, 'share', 'DICOM');
    expect(readdirSync(root).sort()).toEqual(['P0', 'P1', 'P2']);
    expect(readFileSync(path.join(root, 'P1', 'IM49'), 'utf8')).toBe('file 49');
  });

  it('reports a failed fsync from close(), and discard() still removes the partial folder', async () => {
    const dir = tempDir();
    const proto = await handlePrototype(dir);
    const sink = await folderSink(path.join(dir, 'share'));
    await sink.add('A', Buffer.from('a'));
    vi.spyOn(proto, 'sync').mockRejectedValueOnce(new Error('disk gone'));
    await sink.add('B', Buffer.from('b'));
    await expect(sink.close()).rejects.toThrow('disk gone');
    await sink.discard();
    expect(readdirSync(dir).filter((n) => n !== 'probe')).toEqual([]);
  });
});
