/**
 * The import commits a group's rows only after the flush that made the group's blobs durable has
 * resolved, fsyncs outside any transaction, and lets other writers commit while it fsyncs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAST_KDF, makeSeries } from '../../test-support/dicom-fixtures';
import { makeTempDir } from '../../test-support/vault/vault-helpers';
import { allBlobIds } from '../db/blobs';
import type { WritableDB } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import type { WriteFn } from '../db/write-scheduler';
import { silentLogger } from '../log';
import { createVault, type OpenVault } from '../vault/vault';
import { COMMIT_EVERY_FILES } from './import-groups';
import { runImport } from './run-import';

const PASS = 'correct horse battery staple';
const FILES = COMMIT_EVERY_FILES * 2 + 50; // at least three groups

let temp: ReturnType<typeof makeTempDir>;
let vault: OpenVault;
let source: string;

beforeEach(async () => {
  temp = makeTempDir('sv-durable-');
  source = path.join(temp.dir, 'source');
  mkdirSync(source);
  makeSeries(FILES).forEach((bytes, i) => writeFileSync(path.join(source, `IM${String(i).padStart(4, '0')}`), bytes));
  vault = (await createVault({ dir: path.join(temp.dir, 'vault'), passphrase: PASS, ...FAST_KDF })).vault;
});

afterEach(() => {
  vi.restoreAllMocks();
  vault.close();
  temp.cleanup();
});

describe('import groups and blob durability', () => {
  it('never commits a row naming a blob before the flush covering it resolved, and never fsyncs inside a transaction', async () => {
    const blobs = vault.blobs;
    const written = new Set<string>();
    const durable = new Set<string>();
    const flushes: { inTransaction: boolean }[] = [];
    const realWrite = blobs.write.bind(blobs);
    vi.spyOn(blobs, 'write').mockImplementation(async (...args) => {
      const blob = await realWrite(...args);
      written.add(blob.blobId);
      return blob;
    });
    const realFlush = blobs.flush.bind(blobs);
    let settingsWrittenDuringFlush = 0;
    vi.spyOn(blobs, 'flush').mockImplementation(async () => {
      const covered = [...written];
      flushes.push({ inTransaction: vault.db.inTransaction });
      // Another writer (a setting) while the group waits for its fsync: it must commit on its own.
      await vault.writes.run((db) => writeSetting(db, 'autoLockMinutes', String(flushes.length)));
      if (!vault.db.inTransaction && readSetting(vault.db, 'autoLockMinutes') === String(flushes.length)) settingsWrittenDuringFlush++;
      await realFlush();
      covered.forEach((id) => durable.add(id));
    });
    const commits: { blobRows: number; notDurable: number }[] = [];
    const writes = vault.writes;
    const realRun = writes.run.bind(writes);
    vi.spyOn(writes, 'run').mockImplementation(<T>(fn: WriteFn<T>) => realRun((db: WritableDB) => {
      const result = fn(db);
      const ids = [...allBlobIds(db)]; // what this transaction is about to commit, plus what is committed
      commits.push({ blobRows: ids.length, notDurable: ids.filter((id) => !durable.has(id)).length });
      return result;
    }));

    const report = await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' }, {
      signal: new AbortController().signal, progress: { set: () => undefined }, log: silentLogger, prepare: { workers: 0 },
    });

    expect(report.imported).toBe(FILES);
    expect(flushes.length).toBeGreaterThanOrEqual(3);
    expect(flushes.every((f) => !f.inTransaction)).toBe(true);
    expect(settingsWrittenDuringFlush).toBe(flushes.length);
    const growing = commits.filter((c, i) => c.blobRows > (commits[i - 1]?.blobRows ?? 0));
    expect(growing.length).toBeGreaterThanOrEqual(3); // rows arrived in several groups
    expect(commits.map((c) => c.notDurable)).toEqual(commits.map(() => 0));
    expect(allBlobIds(vault.db).size).toBe(FILES);
  }, 120_000);
});
