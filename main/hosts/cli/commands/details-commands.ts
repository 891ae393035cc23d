/** `scanvault show-tags <instanceId>` and `scanvault provenance <instanceId>`: the study view's details on the command line. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printJson } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatAttributes, formatProvenance } from '../format-details';
import { withUnlocked } from './data-commands';

function instanceId(text: string): number {
  const id = Number(text);
  if (!/^[1-9][0-9]{0,15}$/.test(text) || !Number.isSafeInteger(id)) {
    throw new CliExit(EXIT.usage, 'The instance id must be a whole number above zero, as the viewer shows it.', 'BAD_REQUEST');
  }
  return id;
}

export function registerDetailsCommands(program: Command, context: () => CliContext): void {
  program
    .command('show-tags')
    .description('Show every attribute of one stored image, marking those that can identify the patient (PS3.15 Table E.1-1).')
    .argument('<instanceId>', 'the image\'s id')
    .action(async (id: string) => {
      const ctx = context();
      const attributes = await withUnlocked(ctx, (s) => s.call('getInstanceAttributes', { instanceId: instanceId(id) }));
      if (ctx.json) printJson(ctx, attributes);
      else ctx.stdout.write(formatAttributes(attributes));
    });

  program
    .command('provenance')
    .description('Show where one stored image came from (each import) and its three fingerprints.')
    .argument('<instanceId>', 'the image\'s id')
    .action(async (id: string) => {
      const ctx = context();
      const provenance = await withUnlocked(ctx, (s) => s.call('getInstanceProvenance', { instanceId: instanceId(id) }));
      if (ctx.json) printJson(ctx, provenance);
      else ctx.stdout.write(formatProvenance(provenance));
    });
}
