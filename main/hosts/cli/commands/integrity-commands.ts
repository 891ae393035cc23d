import type { Command } from 'commander';
import { Anchor, type VerifyReport } from '../../../../shared/domain';
import { printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatVerifyReport, unopenableReport } from '../format-integrity';
import { followJob, jobFailure, withUnlocked } from './data-commands';

/** Unlock failures that mean the vault itself is damaged: for `verify` that is a finding (exit 4). */
const DAMAGE_CODES = new Set(['VAULT_DAMAGED', 'DATABASE_DAMAGED', 'BLOB_CORRUPT', 'BLOB_MISSING']);

export function registerIntegrityCommands(program: Command, context: () => CliContext): void {
  program
    .command('verify')
    .description('Check everything: every database page, the index, every stored file against its fingerprint, and the history log. Exit code 4 when a problem is found.')
    .option('--anchor <seq:hash>', 'also prove the history log still contains this point (an anchor printed by an earlier verify, backup or export)')
    .action(async (opts: { anchor?: string }) => {
      const ctx = context();
      if (opts.anchor !== undefined && !Anchor.safeParse(opts.anchor).success) {
        throw new CliExit(EXIT.usage, `--anchor ${opts.anchor}: an anchor is an entry number, a colon and 64 characters 0-9 and a-f. Copy it exactly as it was printed.`, 'BAD_REQUEST');
      }
      const report = await verifyReport(ctx, opts.anchor);
      if (ctx.json) printJson(ctx, report);
      else ctx.stdout.write(formatVerifyReport(report));
      if (!report.ok) throw new CliExit(EXIT.problems, '');
    });
}

async function verifyReport(ctx: CliContext, anchor: string | undefined): Promise<VerifyReport> {
  try {
    const job = await withUnlocked(ctx, async (session) => {
      const { jobId } = await session.call('startVerify', anchor === undefined ? {} : { anchor });
      return followJob(ctx, session, jobId);
    });
    if (!job.verifyReport) throw jobFailure(job);
    return job.verifyReport;
  } catch (error) {
    if (error instanceof CliExit && error.code !== undefined && DAMAGE_CODES.has(error.code)) return unopenableReport(error.message);
    throw error;
  }
}
