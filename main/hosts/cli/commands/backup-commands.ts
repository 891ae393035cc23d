import path from 'node:path';
import type { Command } from 'commander';
import { printJson, withSession, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatBackupReport, formatRestoreReport } from '../format-backup';
import { readPassphrase } from '../passphrase';
import type { Job } from '../../../../shared/domain';
import { followJob, jobFailure, withUnlocked } from './data-commands';

/** A damaged backup is a finding of a check (exit 4), like verify's; a wrong passphrase or key exits 3 as everywhere. */
function failure(job: Job): CliExit {
  const exit = jobFailure(job);
  const code = job.error?.code;
  if (code === 'BACKUP_DAMAGED') return new CliExit(EXIT.problems, exit.message, code);
  if (code === 'WRONG_PASSPHRASE' || code === 'WRONG_RECOVERY_KEY') return new CliExit(EXIT.locked, exit.message, code);
  return exit;
}

export function registerBackupCommands(program: Command, context: () => CliContext): void {
  program
    .command('backup')
    .description('Back up the vault: --out FILE writes one new backup file; --to DIR keeps a backup folder up to date (copies only new files). The backup is checked after writing.')
    .option('--out <file>', 'write a new backup file (never overwrites one)')
    .option('--to <dir>', 'bring this backup folder up to date (an empty folder, or one used before)')
    .action(async (opts: { out?: string; to?: string }) => {
      const ctx = context();
      if ((opts.out === undefined) === (opts.to === undefined)) throw new CliExit(EXIT.usage, 'Give either --out FILE (a backup file) or --to DIR (a backup folder).', 'BAD_REQUEST');
      const layout = opts.out !== undefined ? 'file' : 'folder';
      const target = path.resolve((opts.out ?? opts.to)!);
      const job = await withUnlocked(ctx, async (session) => {
        const { jobId } = await session.call('startBackup', { layout, path: target });
        return followJob(ctx, session, jobId);
      });
      if (!job.backupReport) throw failure(job);
      if (ctx.json) printJson(ctx, job.backupReport);
      else ctx.stdout.write(formatBackupReport(job.backupReport));
    });

  program
    .command('restore')
    .description('Restore a backup file or folder into a new, empty folder given with --vault, then check it (exit 4 when the check finds problems). Never replaces a vault.')
    .argument('<backup>', 'the backup file or backup folder')
    .option('--recovery-key', 'use the recovery key instead of the passphrase (read from SCANVAULT_RECOVERY_KEY or asked)')
    .action(async (backup: string, opts: { recoveryKey?: boolean }) => {
      const ctx = context();
      const explicit = program.opts<{ vault?: string }>().vault;
      if (explicit === undefined) throw new CliExit(EXIT.usage, 'Say where to restore to with --vault NEWDIR (a new or empty folder).', 'BAD_REQUEST');
      const secret = opts.recoveryKey
        ? { recoveryKey: ctx.env.SCANVAULT_RECOVERY_KEY ?? await readPassphrase({ ...ctx, env: {}, passphraseFile: undefined }, 'Recovery key: ') }
        : { passphrase: await readPassphrase(ctx, 'Passphrase of the backed-up vault: ') };
      const job = await withSession(ctx, async (session) => {
        const { jobId } = await session.call('startRestore', { source: path.resolve(backup), vault: path.resolve(explicit), ...secret });
        return followJob(ctx, session, jobId);
      });
      if (!job.restoreReport) throw failure(job);
      if (ctx.json) printJson(ctx, job.restoreReport);
      else ctx.stdout.write(formatRestoreReport(job.restoreReport));
      if (!job.restoreReport.verifyReport.ok) throw new CliExit(EXIT.problems, '');
    });
}
