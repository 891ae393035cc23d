/**
 * The AI-use record's providers, documents, the consent-form reader and letters on the command line.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { LetterKind } from '../../../../shared/api/ai-record';
import { TERM_GROUPS } from '../../../../shared/ai-record/passages';
import { printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatProviders } from '../format-ai-record';
import { id } from './ai-args';
import { followJob, jobFailure, withUnlocked } from './data-commands';

export function registerProviderCommands(program: Command, context: () => CliContext): void {
  registerReaderCommands(program, context);
  registerLetterCommands(program, context);

  program.command('providers')
    .description('Facilities and AI companies, with their exams and documents.')
    .action(async () => {
      const ctx = context();
      const { providers } = await withUnlocked(ctx, (s) => s.call('listProviders', {}));
      if (ctx.json) printJson(ctx, { providers });
      else ctx.stdout.write(formatProviders(providers));
    });

  program.command('provider-add')
    .description('Add a facility or AI company (or change one with --id).')
    .requiredOption('--name <name>', 'its name').option('--kind <kind>', 'facility or ai-vendor', 'facility')
    .option('--id <n>', 'change this provider instead of adding one')
    .option('--contact <text>', 'address, phone, email').option('--privacy-officer <text>', 'who handles privacy requests')
    .option('--ai-statement <text>', 'what they said about AI in general').option('--notes <text>', 'your notes')
    .action(async (o: { name: string; kind: string; id?: string; contact?: string; privacyOfficer?: string; aiStatement?: string; notes?: string }) => {
      const ctx = context();
      if (o.kind !== 'facility' && o.kind !== 'ai-vendor') throw new CliExit(EXIT.usage, '--kind must be facility or ai-vendor.');
      const provider = await withUnlocked(ctx, (s) => s.call('saveProvider', {
        kind: o.kind as 'facility' | 'ai-vendor', name: o.name, ...(o.id !== undefined ? { id: id(o.id, '--id', 'providers') } : {}),
        ...(o.contact !== undefined ? { contact: o.contact } : {}), ...(o.privacyOfficer !== undefined ? { privacyOfficer: o.privacyOfficer } : {}),
        ...(o.aiStatement !== undefined ? { aiStatement: o.aiStatement } : {}), ...(o.notes !== undefined ? { notes: o.notes } : {}),
      }));
      if (ctx.json) printJson(ctx, provider);
      else ctx.stdout.write(`Saved provider ${provider.id}.\n`);
    });

  program.command('attach')
    .description('Store a document (PDF, PNG or JPEG) encrypted with an exam, one of its answers, a provider or a letter.')
    .argument('<file>', 'the document')
    .option('--exam <n>', 'attach to this exam').option('--question <id>', 'with --exam: attach to that answer')
    .option('--provider <n>', 'attach to this provider').option('--letter <n>', 'attach to this letter (e.g. its reply)')
    .option('--kind <kind>', 'consent-form, privacy-notice, letter-received, photo or other', 'other')
    .option('--title <text>', 'a title to recognise it by')
    .action(async (file: string, o: { exam?: string; question?: string; provider?: string; letter?: string; kind: string; title?: string }) => {
      const ctx = context();
      const owners = [o.exam, o.provider, o.letter].filter((x) => x !== undefined).length;
      if (owners !== 1) throw new CliExit(EXIT.usage, 'Say where the document belongs: exactly one of --exam, --provider or --letter.');
      const kinds = ['consent-form', 'privacy-notice', 'letter-received', 'photo', 'other'] as const;
      const docKind = kinds.find((k) => k === o.kind);
      if (!docKind) throw new CliExit(EXIT.usage, `--kind must be one of ${kinds.join(', ')}.`);
      const target = o.exam !== undefined
        ? (o.question !== undefined ? { kind: 'answer' as const, examId: id(o.exam, '--exam', 'exams'), questionId: o.question } : { kind: 'exam' as const, examId: id(o.exam, '--exam', 'exams') })
        : o.provider !== undefined ? { kind: 'provider' as const, providerId: id(o.provider, '--provider', 'providers') }
          : { kind: 'letter' as const, letterId: id(o.letter ?? '', '--letter', 'letters') };
      const doc = await withUnlocked(ctx, (s) => s.call('attachDocument', { target, docKind, title: o.title ?? '', source: { kind: 'path', path: path.resolve(file) } }));
      if (ctx.json) printJson(ctx, doc);
      else ctx.stdout.write(`Stored document ${doc.id} (${doc.mediaType}, encrypted).\n`);
    });
}

function registerReaderCommands(program: Command, context: () => CliContext): void {
  program.command('passages')
    .description('Read an attached consent form or notice and list the passages to read first (read once, then kept).')
    .argument('<document>', 'the document number printed by "scanvault attach"')
    .option('--again', 'read the document again')
    .action(async (document: string, o: { again?: boolean }) => {
      const ctx = context();
      const documentId = id(document, 'DOCUMENT', 'attach');
      const found = await withUnlocked(ctx, async (s) => {
        const stored = await s.call('getDocumentPassages', { documentId });
        if (stored.document.passages === 'found' && o.again !== true) return stored;
        const job = await followJob(ctx, s, (await s.call('findConsentPassages', { documentId })).jobId);
        if (job.state !== 'done') throw jobFailure(job);
        return s.call('getDocumentPassages', { documentId });
      });
      if (ctx.json) {
        printJson(ctx, { documentId, method: found.method, pages: found.pageCount, passages: found.passages });
        return;
      }
      if (found.passages.length === 0) {
        ctx.stdout.write(`None of the phrases to look for were found in its ${found.pageCount} page(s). Still read it yourself.\n`);
        return;
      }
      const label = (term: string): string => TERM_GROUPS.find((g) => g.term === term)?.label ?? term;
      ctx.stdout.write(found.passages.map((p) => `page ${p.page}, ${label(p.term)}: “${p.context}”`).join('\n') + '\n');
    });
}

function registerLetterCommands(program: Command, context: () => CliContext): void {
  program.command('letters')
    .description('Letters written for the AI-use record, with when and how they were sent.')
    .option('--exam <n>', 'only this exam\'s letters')
    .action(async (o: { exam?: string }) => {
      const ctx = context();
      const input = o.exam === undefined ? {} : { examId: id(o.exam, '--exam', 'exams') };
      const { letters } = await withUnlocked(ctx, (s) => s.call('listLetters', input));
      if (ctx.json) printJson(ctx, { letters });
      else ctx.stdout.write(letters.length === 0 ? 'No letters yet. Write one in the app (AI use → exam → Letters) or with "scanvault letter-add".\n'
        : letters.map((l) => `letter ${l.id}: ${l.kind}${l.examId !== null ? ` for exam ${l.examId}` : ''} — ${l.sentDate ? `sent ${l.sentDate} by ${l.sentMethod ?? '?'}` : 'not sent yet'}${l.replyDocumentIds.length > 0 ? `, ${l.replyDocumentIds.length} reply document(s)` : ''}`).join('\n') + '\n');
    });

  program.command('letter-add')
    .description(`Start a letter: ${LetterKind.options.join(', ')}.`)
    .argument('<kind>', 'the kind of letter')
    .option('--exam <n>', 'the exam it is about').option('--to <n>', 'the recipient (from "scanvault providers")')
    .action(async (kind: string, o: { exam?: string; to?: string }) => {
      const ctx = context();
      const parsed = LetterKind.safeParse(kind);
      if (!parsed.success) throw new CliExit(EXIT.usage, `The kind of letter must be one of ${LetterKind.options.join(', ')}.`);
      const letter = await withUnlocked(ctx, (s) => s.call('createLetter', {
        kind: parsed.data, ...(o.exam !== undefined ? { examId: id(o.exam, '--exam', 'exams') } : {}), ...(o.to !== undefined ? { recipientId: id(o.to, '--to', 'providers') } : {}),
      }));
      if (ctx.json) printJson(ctx, letter);
      else ctx.stdout.write(`Started letter ${letter.id}. Print it from the app; log it as sent with "scanvault letter-sent ${letter.id} --date YYYY-MM-DD --method post".\n`);
    });

  program.command('letter-sent')
    .description('Log a letter as sent: the date and how (post, email, portal, fax, in person).')
    .argument('<letter>', 'the letter number from "scanvault letters"')
    .requiredOption('--date <YYYY-MM-DD>', 'when it was sent').requiredOption('--method <how>', 'how it was sent')
    .action(async (letter: string, o: { date: string; method: string }) => {
      const ctx = context();
      const sent = await withUnlocked(ctx, (s) => s.call('markLetterSent', { letterId: id(letter, 'LETTER', 'letters'), sentDate: o.date, sentMethod: o.method }));
      if (ctx.json) printJson(ctx, sent);
      else ctx.stdout.write(`Letter ${sent.id} logged as sent on ${sent.sentDate ?? o.date}. Attach the reply with "scanvault attach FILE --letter ${sent.id}".\n`);
    });
}
