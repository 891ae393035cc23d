import path from 'node:path';
import type { Command } from 'commander';
import type { ImportReport, Job, Library, VerifyReport } from '../../../../shared/domain';
import { openSession, printJson, type CliContext, type CoreSession } from '../context';
import { readPassphrase } from '../passphrase';
import { createProgressPrinter } from '../progress';
import { CliExit, EXIT } from '../exit-codes';
import { formatImportReport, formatLibrary, formatVerifyReport } from '../format';

export async function unlockedSession(ctx: CliContext): Promise<CoreSession> {
  const session = openSession(ctx);
  const status = await session.call('getStatus', {});
  if (status.state === 'no-vault') throw new CliExit(EXIT.failure, `There is no vault in ${ctx.vaultDir} yet. Create one with "scanvault init".`);
  const passphrase = await readPassphrase(ctx);
  await session.call('unlock', { passphrase });
  return session;
}

/** Follows a job to its end, printing progress on stderr; Ctrl-C cancels cleanly. */
async function followJob(ctx: CliContext, session: CoreSession, jobId: string): Promise<Job> {
  const printer = createProgressPrinter(ctx.stderr);
  const onSigint = (): void => {
    ctx.stderr.write('\nCancelling… files already imported are kept.\n');
    void session.call('cancelJob', { jobId });
  };
  process.once('SIGINT', onSigint);
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
    printer.end();
  }
}

function jobFailure(job: Job): CliExit {
  return new CliExit(EXIT.failure, job.error?.message ?? 'The work did not finish.');
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
      const session = await unlockedSession(ctx);
      const absolute = paths.map((p) => path.resolve(p));
      const sourceLabel = opts.source ?? absolute.map((p) => path.basename(p)).join(', ').slice(0, 200);
      const provenance = {
        sourceLabel,
        receivedDate: opts.received ?? new Date().toISOString().slice(0, 10),
        ...(opts.from !== undefined ? { handedOverBy: opts.from } : {}),
      };
      const { jobId } = await session.call('startImport', { paths: absolute, provenance });
      const job = await followJob(ctx, session, jobId);
      ctx.stderr.write('Fingerprinting the pixels of compressed images…\n');
      await session.core.waitForBackgroundWork();
      await session.core.lockNow();
      const report: ImportReport | undefined = job.importReport;
      if (!report) throw jobFailure(job);
      if (ctx.json) printJson(ctx, report);
      else ctx.stdout.write(formatImportReport(report, job.state === 'cancelled'));
    });

  program
    .command('list')
    .description('List people, their patient records, studies and series, with counts.')
    .action(async () => {
      const ctx = context();
      const session = await unlockedSession(ctx);
      const library: Library = await session.call('listLibrary', {});
      await session.core.lockNow();
      if (ctx.json) printJson(ctx, library);
      else ctx.stdout.write(formatLibrary(library));
    });

  program
    .command('verify')
    .description('Check every stored file against its recorded fingerprint, and the history log. Exit code 4 when a problem is found.')
    .action(async () => {
      const ctx = context();
      const session = await unlockedSession(ctx);
      const { jobId } = await session.call('startVerify', {});
      const job = await followJob(ctx, session, jobId);
      await session.core.lockNow();
      const report: VerifyReport | undefined = job.verifyReport;
      if (!report) throw jobFailure(job);
      if (ctx.json) printJson(ctx, report);
      else ctx.stdout.write(formatVerifyReport(report));
      if (!report.ok) throw new CliExit(EXIT.problems, '');
    });
}
