import type { VaultDatabase } from './database';
import { VaultError } from '../vault/errors';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/migration';

/**
 * Brings the schema to the newest version. All pending migrations run in one
 * transaction that also sets `user_version`, so a crash leaves the old schema intact.
 * A database whose user_version is newer than any migration we know was written by a
 * newer ScanVault; writing to it could corrupt it, so it is refused.
 */
export function runMigrations(db: VaultDatabase, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = readUserVersion(db);
  if (current > latest) {
    throw new VaultError('VAULT_FROM_FUTURE');
  }
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) {
    return { from: current, to: current };
  }
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
    }
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from: current, to: latest };
}

export function readUserVersion(db: VaultDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (!Number.isInteger(migration.version) || (previous !== undefined && migration.version <= previous.version)) {
      throw new Error('migrations must have increasing integer versions');
    }
  });
}
