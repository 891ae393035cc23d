import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { ApiInput } from '../../../../shared/api';
import { StudyQuery, StudySort, type RemovalTarget } from '../../../../shared/api/library-query';
import { describeRemovalPreview, describeRemovalResult, removalTitle } from '../../../../shared/removal-text';
import { printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatImports, formatStudyPage } from '../format-library';
import { withUnlocked } from './data-commands';

interface ListOptions {
  search?: string; from?: string; to?: string; modality?: string; bodyPart?: string; source?: string; facility?: string;
  person?: string; import?: string; sort?: string; limit?: string; offset?: string; imports?: boolean;
}

/** The query from the flags, checked by the contract's own schema before the passphrase is asked. */
function queryFrom(o: ListOptions): ApiInput<'queryStudies'> {
  const num = (flag: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new CliExit(EXIT.usage, `${flag} ${v}: use a whole number.`, 'BAD_REQUEST');
    return Number(v);
  };
  const raw = {
    text: o.search, from: o.from, to: o.to, modality: o.modality, bodyPart: o.bodyPart, source: o.source, facility: o.facility,
    personId: num('--person', o.person), importId: num('--import', o.import), sort: o.sort, limit: num('--limit', o.limit), offset: num('--offset', o.offset),
  };
  const query = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = StudyQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliExit(EXIT.usage, `--${String(issue?.path[0] ?? 'search')}: ${issue?.message ?? 'That value is not valid.'}`, 'BAD_REQUEST');
  }
  return query;
}

async function confirmRemoval(ctx: CliContext): Promise<boolean> {
  if (!ctx.stdin.isTTY) {
    throw new CliExit(EXIT.usage, 'Nothing was removed. To remove without being asked (for example in a script), add --yes.', 'BAD_REQUEST');
  }
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question('Remove from the vault? Type yes to remove, anything else to keep it: ')).trim());
  } finally {
    rl.close();
  }
}

export function registerLibraryCommands(program: Command, context: () => CliContext): void {
  program
    .command('list')
    .description('List studies (newest first, 50 at a time) with the ids "remove" takes; search and filter with the options. --imports lists imports.')
    .option('--search <words>', 'every word must appear in a name, description, body part, hospital or source')
    .option('--from <date>', 'studies on or after this date, YYYY-MM-DD')
    .option('--to <date>', 'studies on or before this date, YYYY-MM-DD')
    .option('--modality <code>', 'kind of scan, e.g. CT, MR, US')
    .option('--body-part <name>', 'body part as the scan names it, e.g. CHEST')
    .option('--source <label>', 'where the copy came from, exactly as imported')
    .option('--facility <name>', 'hospital or clinic, exactly as on the scans')
    .option('--person <id>', 'only this person\'s studies (ids from "scanvault people")')
    .option('--import <id>', 'only what this import brought in (ids from "list --imports")')
    .option('--sort <order>', `one of ${StudySort.options.join(', ')}`)
    .option('--limit <n>', 'how many studies (at most 200)')
    .option('--offset <n>', 'skip this many studies first')
    .option('--imports', 'list the imports instead of studies')
    .action(async (opts: ListOptions) => {
      const ctx = context();
      if (opts.imports) {
        const { imports } = await withUnlocked(ctx, (session) => session.call('listImports', {}));
        if (ctx.json) printJson(ctx, { imports });
        else ctx.stdout.write(formatImports(imports));
        return;
      }
      const query = queryFrom(opts);
      const page = await withUnlocked(ctx, (session) => session.call('queryStudies', query));
      if (ctx.json) printJson(ctx, page);
      else ctx.stdout.write(formatStudyPage(page, Object.keys(query).some((k) => !['sort', 'limit', 'offset'].includes(k))));
    });

  program
    .command('remove')
    .description('Remove a study, a series or a whole import from the vault, after showing exactly what goes. Earlier backups still hold it.')
    .argument('<kind>', 'study, series or import')
    .argument('<id>', 'the id shown by "scanvault list" (or "list --imports")')
    .option('--yes', 'do not ask (needed when not typing at a terminal, and with --json)')
    .action(async (kind: string, id: string, opts: { yes?: boolean }) => {
      const ctx = context();
      if (kind !== 'study' && kind !== 'series' && kind !== 'import') throw new CliExit(EXIT.usage, `"${kind}": say study, series or import.`, 'BAD_REQUEST');
      if (!/^[1-9]\d{0,15}$/.test(id)) throw new CliExit(EXIT.usage, `"${id}": use the number shown by "scanvault list".`, 'BAD_REQUEST');
      if (ctx.json && !opts.yes) throw new CliExit(EXIT.usage, 'With --json nothing is asked: add --yes to remove.', 'BAD_REQUEST');
      const target: RemovalTarget = { kind, id: Number(id) };
      const outcome = await withUnlocked(ctx, async (session) => {
        const preview = await session.call('previewRemoval', target);
        if (!ctx.json) ctx.stderr.write(`${removalTitle(kind)}\n${describeRemovalPreview(preview).map((l) => `  ${l}`).join('\n')}\n`);
        if (!opts.yes && !(await confirmRemoval(ctx))) return { preview, result: null };
        return { preview, result: await session.call('removeFromVault', { target, fingerprint: preview.fingerprint }) };
      });
      if (ctx.json) printJson(ctx, outcome);
      else ctx.stdout.write(outcome.result ? `${describeRemovalResult(outcome.result)}\n` : 'Nothing was removed.\n');
    });
}
