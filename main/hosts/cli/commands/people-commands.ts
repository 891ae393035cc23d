import type { Command } from 'commander';
import { printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatPeople, formatProfile } from '../format-people';
import { applyProfileSettings, PROFILE_FIELDS_HELP } from '../profile-fields';
import { withUnlocked } from './data-commands';

function id(value: string, what: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new CliExit(EXIT.usage, `${what} must be a number as shown by "scanvault people".`);
  return Number(value);
}

export function registerPeopleCommands(program: Command, context: () => CliContext): void {
  const people = program
    .command('people')
    .description('People: each holds one or more patient records (one per hospital); link, unlink, name them and keep a profile.');

  people
    .command('list', { isDefault: true })
    .description('List people with their patient records and study counts (the default).')
    .action(async () => {
      const ctx = context();
      const { people: list } = await withUnlocked(ctx, (s) => s.call('listPeople', {}));
      if (ctx.json) printJson(ctx, { people: list });
      else ctx.stdout.write(formatPeople(list));
    });

  people
    .command('link')
    .description('"This is the same person": move patient records (with their studies) into PERSON.')
    .argument('<person>', 'the person number from "scanvault people"')
    .argument('<records...>', 'record numbers to move into that person')
    .action(async (person: string, records: string[]) => {
      const ctx = context();
      const input = { personId: id(person, 'PERSON'), recordIds: records.map((r) => id(r, 'RECORD')) };
      const result = await withUnlocked(ctx, (s) => s.call('linkRecords', input));
      if (ctx.json) printJson(ctx, result);
      else ctx.stdout.write(result.moved === 0 ? 'Nothing to move: those records already belong to that person.\n' : `Moved ${result.moved} record(s) into person ${result.personId}.\n`);
    });

  people
    .command('unlink')
    .description('"This is someone else": RECORD becomes a person of its own; later imports will not put it back.')
    .argument('<record>', 'the record number from "scanvault people"')
    .action(async (record: string) => {
      const ctx = context();
      const recordId = id(record, 'RECORD');
      const result = await withUnlocked(ctx, (s) => s.call('unlinkRecord', { recordId }));
      if (ctx.json) printJson(ctx, result);
      else ctx.stdout.write(`Record ${recordId} is now person ${result.personId}, on its own.\n`);
    });

  people
    .command('rename')
    .description('Set the name ScanVault shows for PERSON (leave NAME out to use the name on their scans again).')
    .argument('<person>', 'the person number from "scanvault people"')
    .argument('[name]', 'the name to show')
    .action(async (person: string, name: string | undefined) => {
      const ctx = context();
      const input = { personId: id(person, 'PERSON'), displayName: name ?? null };
      const result = await withUnlocked(ctx, (s) => s.call('renamePerson', input));
      if (ctx.json) printJson(ctx, result);
      else ctx.stdout.write(result.displayName === null ? `Person ${result.personId} is shown with the name on their scans.\n` : `Person ${result.personId} renamed.\n`);
    });

  people
    .command('profile')
    .description('Show the profile of PERSON, or change fields with --set field=value (repeatable).')
    .argument('<person>', 'the person number from "scanvault people"')
    .option('--set <field=value>', 'set one profile field; repeat for more', (v: string, all: string[]) => [...all, v], [] as string[])
    .addHelpText('after', PROFILE_FIELDS_HELP)
    .action(async (person: string, opts: { set: string[] }) => {
      const ctx = context();
      const personId = id(person, 'PERSON');
      const profile = await withUnlocked(ctx, async (s) => {
        const current = await s.call('getPersonProfile', { personId });
        if (opts.set.length === 0) return current;
        return s.call('updatePersonProfile', { personId, profile: applyProfileSettings(current, opts.set) });
      });
      if (ctx.json) printJson(ctx, profile);
      else ctx.stdout.write(formatProfile(profile));
    });
}
