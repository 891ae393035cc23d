import path from 'node:path';
import type { Command } from 'commander';
import { everyCopyUnchanged, type CompareReport } from '../../../../shared/compare/compare-report';
import { MATCHED_BY_WORDS, describeChange, describeOutcome } from '../../../../shared/compare/describe';
import { printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { followJob, jobFailure, withUnlocked } from './data-commands';

/** Changes listed per copy before "and N more" (the --json output lists all). */
const MAX_LISTED = 20;

export function formatCompareReport(report: CompareReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    lines.push(`${r.path}: ${describeOutcome(r)}${r.matchedBy !== undefined ? ` (${MATCHED_BY_WORDS[r.matchedBy]})` : ''}.`);
    if (r.note !== undefined) lines.push(`  ${r.note}.`);
    for (const f of r.pixels?.frames ?? []) {
      const boxes = f.boxes.map(([x0, y0, x1, y1]) => `columns ${x0}-${x1}, rows ${y0}-${y1}`).join('; ');
      lines.push(`  Frame ${f.frame}: ${f.changed.toLocaleString('en-US')} pixels changed (${boxes}); largest difference ${f.maxDiff}, average ${f.meanDiff}.`);
    }
    const changes = r.changes ?? [];
    for (const c of changes.slice(0, MAX_LISTED)) lines.push(`  ${describeChange(c)}`);
    if (changes.length > MAX_LISTED) lines.push(`  … and ${changes.length - MAX_LISTED} more (see --json).`);
  }
  for (const s of report.skipped) lines.push(`${s.path}: not compared. ${s.reason}`);
  for (const f of report.failed) lines.push(`${f.path}: could not be checked. ${f.error}`);
  const unchanged = everyCopyUnchanged(report);
  lines.push('', unchanged ? 'Every copy matches your originals.' : 'Not every copy matches your originals (see above).');
  return lines.join('\n') + '\n';
}

export function registerCompareCommands(program: Command, context: () => CliContext): void {
  program
    .command('compare')
    .description('Check outside copies (files, folders or zips) against the originals in the vault: identical, same picture with details changed, or picture changed. Nothing is stored. Exit code 4 unless every copy is identical (or differs only in its file meta).')
    .argument('<paths...>', 'files, folders or zip archives holding the copies')
    .action(async (paths: string[]) => {
      const ctx = context();
      const job = await withUnlocked(ctx, async (session) => {
        const { jobId } = await session.call('startCompare', { paths: paths.map((p) => path.resolve(p)) });
        return followJob(ctx, session, jobId);
      });
      const report = job.compareReport;
      if (!report) throw jobFailure(job);
      if (ctx.json) printJson(ctx, report);
      else ctx.stdout.write(formatCompareReport(report));
      if (!everyCopyUnchanged(report)) throw new CliExit(EXIT.problems, '');
    });
}
