/**
 * A vault made by an earlier version (an older schema) is upgraded through the numbered migrations
 * when this version opens it with openVault, and keeps everything it held.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectRowsSurvived, SEEDS, snapshotTables, type TableSnapshot } from '../../test-support/db/schema-fixtures';
import { FAST_KDF, makeSeries } from '../../test-support/dicom-fixtures';
import { readUserVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import type { Migration } from '../db/migrations/migration';
import { readSetting, writeSetting } from '../db/settings';
import { runImport } from '../import/run-import';
import { silentLogger } from '../log';
import { createVault, openVault } from './vault';

// The list openVault uses, made editable so a test can stand for "the migrations of a later version".
vi.mock('../db/migrations/index', async (importOriginal) => {
  const real: { MIGRATIONS: readonly Migration[] } = await importOriginal();
  return { ...real, MIGRATIONS: [...real.MIGRATIONS] };
});

const PASS = 'correct horse battery staple';
const list = MIGRATIONS as Migration[];
const shipped = [...list];
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-upgrade-'));
  list.splice(0, list.length, ...shipped);
});

afterEach(() => {
  list.splice(0, list.length, ...shipped);
  rmSync(root, { recursive: true, force: true });
});

/** A vault with imported images, a setting and history, made with the migrations listed now. */
async function vaultWithData(): Promise<{ dir: string; instances: number }> {
  const dir = path.join(root, 'vault');
  const source = path.join(root, 'cd');
  mkdirSync(source);
  makeSeries(4).forEach((bytes, i) => writeFileSync(path.join(source, `IM${i}`), bytes));
  const { vault } = await createVault({ dir, passphrase: PASS, ...FAST_KDF });
  try {
    const report = await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' }, {
      signal: new AbortController().signal, progress: { set: () => undefined }, log: silentLogger, prepare: { workers: 0 },
    });
    await vault.writes.run((db) => writeSetting(db, 'autoLockMinutes', '3'));
    return { dir, instances: report.imported };
  } finally {
    vault.close();
  }
}

async function expectUpgradedIntact(dir: string, instances: number, version: number): Promise<void> {
  const vault = await openVault({ dir, passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy });
  try {
    expect(readUserVersion(vault.db)).toBe(version);
    expect(vault.db.prepare('SELECT count(*) FROM instances').pluck().get()).toBe(instances);
    expect(readSetting(vault.db, 'autoLockMinutes')).toBe('3');
    expect(vault.events.verifyChain()).toEqual({ ok: true, checked: 2 });
  } finally {
    vault.close();
  }
}

describe('opening a vault of an older schema', () => {
  it('runs the migrations it has not seen yet, on its own data, and keeps the rest', async () => {
    const { dir, instances } = await vaultWithData();
    const next = shipped.at(-1)!.version + 10;
    list.push({
      version: next,
      name: 'probe',
      up: (db) => db.exec('CREATE TABLE upgrade_probe (patient_id INTEGER NOT NULL) STRICT; INSERT INTO upgrade_probe SELECT id FROM patients;'),
    });
    await expectUpgradedIntact(dir, instances, next);
    const vault = await openVault({ dir, passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy });
    try {
      expect(vault.db.prepare('SELECT count(*) FROM upgrade_probe').pluck().get()).toBe(1); // ran once, on the real rows
    } finally {
      vault.close();
    }
  });

  it.skipIf(shipped.length < 2)('a vault made before the newest shipped migration upgrades to the latest schema', async () => {
    list.splice(list.length - 1, 1);
    const dir = path.join(root, 'vault');
    const { vault } = await createVault({ dir, passphrase: PASS, ...FAST_KDF });
    let before: TableSnapshot;
    try {
      // Rows as that older version wrote them (today's import writes tables the old schema lacks).
      await vault.writes.run((db) => { for (const m of list) SEEDS[m.version]?.(db); });
      before = snapshotTables(vault.db);
    } finally {
      vault.close();
    }
    list.splice(0, list.length, ...shipped);
    const upgraded = await openVault({ dir, passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy });
    try {
      expect(readUserVersion(upgraded.db)).toBe(shipped.at(-1)!.version);
      expectRowsSurvived(upgraded.db, before);
    } finally {
      upgraded.close();
    }
  });

  it('refuses a vault from a newer version and leaves it as it was', async () => {
    const { dir, instances } = await vaultWithData();
    list.push({ version: shipped.at(-1)!.version + 10, name: 'newer', up: () => undefined });
    await expectUpgradedIntact(dir, instances, shipped.at(-1)!.version + 10);
    list.splice(0, list.length, ...shipped);
    await expect(openVault({ dir, passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy })).rejects.toMatchObject({ code: 'VAULT_FROM_FUTURE' });
  });
});
