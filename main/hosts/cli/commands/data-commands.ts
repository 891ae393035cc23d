import path from 'node:path';
import type { Command } from 'commander';
import { ReceivedDate, type ImportReport, type Job } from '../../../../shared/domain';
import { printJson, withSession, type CliContext, type CoreSession } from '../context';
import { readPassphrase } from '../passphrase';
import { createProgressPrinter } from '../progress';
import { CliExit, EXIT } from '../exit-codes';
import { formatImportReport } from '../format';
import { describeMissingVault } from '../../../core/vault/vault-presence';

async function unlock(ctx: CliContext, session: CoreSession): Promise<void> {
  const status = await session.call('getStatus', {});
  if (status.state === 'no-vault') throw new CliExit(EXIT.failure, describeMissingVault(ctx.vaultDir), 'NO_VAULT');
  const passphrase = await readPassphrase(ctx);
  await session.call('unlock', { passphrase });
}

/** Unlock, run `work`, and lock in `finally`: a failing call never leaves the vault open. */
export function withUnlocked<T>(ctx: CliContext, work: (session: CoreSession) => Promise<T>): Promise<T> {
  return withSession(ctx, async (session) => {
    await unlock(ctx, session);
    return work(session);
  });
}

/**
 * Follows a job to its end, printing progress on stderr. Ctrl-C cancels cleanly; the same Ctrl-C
 * may arrive twice (from the terminal and forwarded by the launcher), so later ones are ignored.
 */
export async function followJob(ctx: CliContext, session: CoreSession, jobId: string): Promise<Job> {
  const printer = createProgressPrinter(ctx.stderr);
  let cancelling = false;
  const cancel = (): void => {
    if (cancelling) return;
    cancelling = true;
    void session.call('cancelJob', { jobId }).catch(() => undefined);
  };
  const onSigint = (): void => {
    if (!cancelling) ctx.stderr.write('\nCancelling… files already imported are kept.\n');
    cancel();
  };
  process.on('SIGINT', onSigint);
  ctx.stop.addEventListener('abort', cancel);
  if (ctx.stop.aborted) cancel();
  const timer = setInterval(() => {
    void session.call('getJob', { jobId }).then((job) => printer.update(job.progress), () => undefined);
  }, 200);
  try {
    const job = await session.core.waitForJob(jobId);
    printer.update(job.progress);
    return job;
  } finally {
    clearInterval(timer);
    process.off('SIGINT', onSigint);
    ctx.stop.removeEventListener('abort', cancel);
    printer.end();
  }
}

export function jobFailure(job: Job): CliExit {
  return new CliExit(EXIT.failure, job.error?.message ?? 'The work did not finish.', job.error?.code);
}

export function registerDataCommands(program: Command, context: () => CliContext): void {
  program
    .command('import')
    .description('Import DICOM files, folders, zip archives or a hospital CD/USB copy into the vault.')
    .argument('<paths...>', 'files, folders or .zip archives')
    .option('--source <label>', 'what this copy is, e.g. "CD from Mercy Hospital" (default: the name of what you import)')
    .option('--received <date>', 'the date you received it, YYYY-MM-DD (default: today)')
    .option('--from <who>', 'who handed it over')
    .action(async (paths: string[], opts: { source?: string; received?: string; from?: string }) => {
      const ctx = context();
      if (opts.received !== undefined) checkReceivedDate(opts.received);
      const absolute = paths.map((p) => path.resolve(p));
      const sourceLabel = opts.source ?? absolute.map((p) => path.basename(p)).join(', ').slice(0, 200);
      const provenance = {
        sourceLabel,
        receivedDate: opts.received ?? localToday(),
        ...(opts.from !== undefined ? { handedOverBy: opts.from } : {}),
      };
      const job = await withUnlocked(ctx, async (session) => {
        const { jobId } = await session.call('startImport', { paths: absolute, provenance });
        const done = await followJob(ctx, session, jobId);
        if (!ctx.stop.aborted && (done.importReport?.imported ?? 0) > 0) {
          ctx.stderr.write('Fingerprinting the pixels of compressed images…\n');
          await session.core.waitForBackgroundWork();
        }
        return done;
      });
      const report: ImportReport | undefined = job.importReport;
      if (!report) throw jobFailure(job);
      if (ctx.json) printJson(ctx, report);
      else ctx.stdout.write(formatImportReport(report, job.state === 'cancelled'));
    });
}

/** Checked before asking for the passphrase, in the CLI's own words (the contract checks it again). */
function checkReceivedDate(text: string): void {
  const parsed = ReceivedDate.safeParse(text);
  if (!parsed.success) throw new CliExit(EXIT.usage, `--received ${text}: ${parsed.error.issues[0]?.message ?? 'That is not a date.'}`, 'BAD_REQUEST');
}

/** Today on this computer's calendar (toISOString would give tomorrow's date late in the evening west of UTC). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
