/**
 * `export`, `shares`, `share-add` and `verify-export`: a share as two jobs (prepare, then export)
 * with progress on stderr, the share log as text, JSON or CSV, and the offline bundle check.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { BurnedInMode, SHARE_FOLDER_MISSING, SHARE_TARGET_EXISTS } from '../../../../shared/share/share-domain';
import { isDeidOptionName, resolveOptions, type DeidOptionName } from '../../../../shared/share/options';
import { IsoDate } from '../../../../shared/primitives';
import { printJson, withSession, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatExportReport, formatNothingToShare, formatShares, formatVerifyExport } from '../format-share';
import { followJob, jobFailure, withUnlocked } from './data-commands';

interface ExportOpts {
  study: string[]; series?: string[]; deidentify?: boolean; identified?: boolean; option?: string[]; noOption?: string[];
  burnedIn: string; includeReports?: boolean; followUp?: string; recipient: string; role?: string; org?: string; contact?: string;
  purpose: string; out?: string; zip?: string;
}

const usage = (message: string) => new CliExit(EXIT.usage, message, 'BAD_REQUEST');

function optionNames(names: readonly string[] | undefined): DeidOptionName[] {
  return (names ?? []).map((name) => {
    if (!isDeidOptionName(name)) throw usage(`--option ${name}: not an option. Choose from retain-longitudinal-modified-dates, retain-patient-characteristics, retain-device-identity, retain-institution-identity, clean-descriptors, retain-safe-private.`);
    return name;
  });
}

function positiveId(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw usage(`${what} ${text}: give the number shown by "scanvault shares" (or "people").`);
  return n;
}

const recipientOf = (o: { recipient: string; role?: string; org?: string; contact?: string }) => ({ name: o.recipient, role: o.role ?? null, org: o.org ?? null, contact: o.contact ?? null });

async function runExport(ctx: CliContext, o: ExportOpts): Promise<void> {
  if (o.identified && o.deidentify) throw usage('Choose either --deidentify (the default) or --identified, not both.');
  if ((o.out === undefined) === (o.zip === undefined)) throw usage('Say where the share goes: --out DIR (a new folder) or --zip FILE (a new zip file).');
  const burnedIn = BurnedInMode.safeParse(o.burnedIn);
  if (!burnedIn.success) throw usage(`--burned-in ${o.burnedIn}: use hold, exclude, mask or trust-headers.`);
  const identified = o.identified === true;
  if (identified && (o.option !== undefined || o.noOption !== undefined)) {
    throw usage('--option and --no-option choose what a de-identified copy keeps; --identified sends the original files as they are. Leave one out.');
  }
  if (o.recipient.trim() === '') throw usage('--recipient: write the name of the person or place that receives the copy.');
  if (o.purpose.trim() === '') throw usage('--purpose: write why you share it, for example "second opinion".');
  const options = identified ? [] : resolveOptions(optionNames(o.option), optionNames(o.noOption));
  const destination = { kind: o.out !== undefined ? 'folder' as const : 'zip' as const, path: path.resolve((o.out ?? o.zip)!) };
  // Before the files are read (screening can take minutes): the export would refuse these anyway.
  if (existsSync(destination.path)) throw new CliExit(EXIT.failure, `${destination.path}: ${SHARE_TARGET_EXISTS}`, 'TARGET_EXISTS');
  if (!existsSync(path.dirname(destination.path))) throw new CliExit(EXIT.failure, `${path.dirname(destination.path)}: ${SHARE_FOLDER_MISSING}`, 'PATH_NOT_FOUND');
  const followUpOfShareId = o.followUp === undefined ? null : positiveId(o.followUp, '--follow-up');
  const { draft, job } = await withUnlocked(ctx, async (session) => {
    ctx.stderr.write('Preparing the share: reading the files and checking them…\n');
    const prepared = await followJob(ctx, session, (await session.call('prepareShare', {
      selection: { studyUids: o.study, seriesUids: o.series ?? [] }, identified, options, burnedIn: burnedIn.data,
      includeReports: o.includeReports === true, followUpOfShareId,
    })).jobId);
    if (prepared.shareDraft === undefined) throw jobFailure(prepared);
    if (prepared.shareDraft.fileCount === 0) throw new CliExit(EXIT.failure, formatNothingToShare(prepared.shareDraft), 'BAD_REQUEST');
    ctx.stderr.write(`Writing ${prepared.shareDraft.fileCount} file(s)…\n`);
    const exported = await followJob(ctx, session, (await session.call('startExport', {
      draftId: prepared.shareDraft.draftId, recipient: recipientOf(o), purpose: o.purpose, destination,
    })).jobId);
    return { draft: prepared.shareDraft, job: exported };
  });
  const report = job.exportReport;
  if (report === undefined) throw jobFailure(job);
  if (ctx.json) {
    const { shareId, pseudonym, files, heldBack, masked, packageSha256, anchor, fingerprint, destination: dest, conversions } = report;
    printJson(ctx, { shareId, pseudonym, files, heldBack, masked, packageSha256, anchor, fingerprint, destination: dest, conversions });
  } else ctx.stdout.write(formatExportReport(report, draft));
}

export function registerShareCommands(program: Command, context: () => CliContext): void {
  const noOption = new Option('--no-option <name...>', 'drop one of the default options');
  noOption.negate = false; // a value-taking option of its own, not the negation of --option
  program
    .command('export')
    .description('Share studies as a de-identified copy (or --identified originals) for a doctor: a folder laid out like a hospital CD (DICOMDIR) or a zip, with a README and a signed manifest. Held-back pictures are listed, not an error.')
    .requiredOption('--study <uid...>', 'Study Instance UID(s) to share (see "scanvault list")')
    .option('--series <uid...>', 'share only these series of the studies')
    .option('--deidentify', 'de-identify (the default)')
    .option('--identified', 'export the original files, with your name and details (labelled as such)')
    .option('--option <name...>', 'keep more (PS3.15 option names, e.g. retain-institution-identity); defaults: retain-longitudinal-modified-dates retain-patient-characteristics clean-descriptors')
    .addOption(noOption)
    .option('--burned-in <mode>', 'pictures that may show text: hold (held back, listed), exclude, mask (cover the text found), trust-headers (headers only, weaker)', 'hold')
    .option('--include-reports', 'include written reports (SR, PDF) after you have read what they contain')
    .option('--follow-up <shareId>', 'reuse that earlier share\'s pseudonym, date shift and UIDs (same doctor, to compare)')
    .requiredOption('--recipient <name>', 'who receives it')
    .option('--role <role>', 'their role, e.g. radiologist')
    .option('--org <organisation>', 'their hospital or practice')
    .option('--contact <contact>', 'their address, phone or e-mail')
    .requiredOption('--purpose <text>', 'why you share it, e.g. "second opinion"')
    .option('--out <dir>', 'a new folder for the share')
    .option('--zip <file>', 'a new zip file for the share')
    .action((opts: ExportOpts) => runExport(context(), opts));

  program
    .command('shares')
    .description('Your share log (accounting of disclosures): every share, newest first.')
    .option('--csv', 'print it as CSV (the same columns as --json)')
    .option('--person <id>', 'only the shares that concern this person')
    .action(async (opts: { csv?: boolean; person?: string }) => {
      const ctx = context();
      const personId = opts.person === undefined ? {} : { personId: positiveId(opts.person, '--person') };
      const out = await withUnlocked(ctx, async (session) => (opts.csv ? session.call('getSharesCsv', personId) : session.call('listShares', personId)));
      if ('csv' in out) ctx.stdout.write(out.csv);
      else if (ctx.json) {
        printJson(ctx, { shares: out.shares.map(({ id, date, recipient, purpose, method, items, profile, options, packageSha256, pseudonym, outside }) => ({ id, date, recipient, purpose, method, items, profile, options, packageSha256, pseudonym, outside })) });
      } else ctx.stdout.write(formatShares(out.shares));
    });

  program
    .command('share-add')
    .description('Record a share made outside ScanVault (a hospital sent images to an insurer, a portal share), with an optional letter (PDF, PNG or JPEG).')
    .requiredOption('--person <id>', 'whose records were shared (see "scanvault people")')
    .requiredOption('--date <YYYY-MM-DD>', 'when it happened')
    .requiredOption('--recipient <name>', 'who received it')
    .option('--role <role>', 'their role')
    .option('--org <organisation>', 'their organisation')
    .option('--contact <contact>', 'their address, phone or e-mail')
    .requiredOption('--purpose <text>', 'why it was shared')
    .requiredOption('--method <text>', 'how, e.g. "CD sent by the hospital"')
    .option('--study <uid...>', 'the studies it concerned, if known')
    .option('--note <text>', 'anything else to remember about it')
    .option('--document <file>', 'a letter or document about it')
    .action(async (o: { person: string; date: string; recipient: string; role?: string; org?: string; contact?: string; purpose: string; method: string; study?: string[]; note?: string; document?: string }) => {
      const ctx = context();
      const date = IsoDate.safeParse(o.date);
      if (!date.success) throw usage(`--date ${o.date}: ${date.error.issues[0]?.message ?? 'not a date'}`);
      const record = await withUnlocked(ctx, (session) => session.call('recordOutsideShare', {
        personId: positiveId(o.person, '--person'), date: o.date, recipient: recipientOf(o), purpose: o.purpose, method: o.method, studyUids: o.study ?? [],
        description: o.note ?? null, document: o.document === undefined ? null : { kind: 'path', path: path.resolve(o.document) },
      }));
      if (ctx.json) printJson(ctx, record);
      else ctx.stdout.write(`Recorded share #${record.id} (${record.date}, ${record.recipient.name}).\n`);
    });

  program
    .command('verify-export')
    .description('Check a share (folder or zip) offline: the signature, every file against the signed list, nothing added. Exit 4 when it does not check out. Needs no vault.')
    .argument('<path>', 'the share folder or zip file')
    .option('--fingerprint <fp>', 'the key fingerprint the patient gave you (by another channel)')
    .action(async (target: string, o: { fingerprint?: string }) => {
      const ctx = context();
      const report = await withSession(ctx, (session) => session.call('verifyExport', { path: path.resolve(target), ...(o.fingerprint !== undefined ? { fingerprint: o.fingerprint } : {}) }));
      if (ctx.json) printJson(ctx, report);
      else ctx.stdout.write(formatVerifyExport(report, o.fingerprint !== undefined));
      if (!report.ok) throw new CliExit(EXIT.problems, '');
    });
}
