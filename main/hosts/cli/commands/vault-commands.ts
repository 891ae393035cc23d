import type { Command } from 'commander';
import { printJson, withSession, type CliContext } from '../context';
import { readNewPassphrase, readPassphrase } from '../passphrase';
import { CliExit, EXIT } from '../exit-codes';

export function registerVaultCommands(program: Command, context: () => CliContext): void {
  program
    .command('init')
    .description('Create a new encrypted vault. Prints a recovery key once: write it down.')
    .option('--new-passphrase-file <file>', 'read the new passphrase from the first line of a file')
    .action(async (opts: { newPassphraseFile?: string }) => {
      const ctx = context();
      const passphrase = await readNewPassphrase(ctx, opts.newPassphraseFile, true);
      const { recoveryKey } = await withSession(ctx, (session) => session.call('createVault', { passphrase }));
      if (ctx.json) return printJson(ctx, { vaultDir: ctx.vaultDir, recoveryKey });
      ctx.stdout.write([
        `Your vault was created in ${ctx.vaultDir}`,
        '',
        'Recovery key (shown only this once — write it down and keep it somewhere safe):',
        '',
        `    ${recoveryKey}`,
        '',
        'If you forget your passphrase, this key is the only way back into your records.',
        '',
      ].join('\n'));
    });

  program
    .command('passwd')
    .description('Change the vault passphrase (or, with --recovery-key, set a new one using the recovery key).')
    .option('--recovery-key', 'use the recovery key instead of the current passphrase (read from SCANVAULT_RECOVERY_KEY or asked)')
    .option('--new-passphrase-file <file>', 'read the new passphrase from the first line of a file')
    .action(async (opts: { recoveryKey?: boolean; newPassphraseFile?: string }) => {
      const ctx = context();
      await withSession(ctx, async (session) => {
        if (opts.recoveryKey) {
          const recoveryKey = ctx.env.SCANVAULT_RECOVERY_KEY ?? await readPassphrase({ ...ctx, env: {}, passphraseFile: undefined }, 'Recovery key: ');
          const newPassphrase = await readNewPassphrase(ctx, opts.newPassphraseFile, false);
          await session.call('unlockWithRecoveryKey', { recoveryKey, newPassphrase });
        } else {
          const oldPassphrase = await readPassphrase(ctx, 'Current passphrase: ');
          await session.call('unlock', { passphrase: oldPassphrase });
          const newPassphrase = await readNewPassphrase(ctx, opts.newPassphraseFile, false);
          if (newPassphrase === oldPassphrase) throw new CliExit(EXIT.usage, 'The new passphrase is the same as the old one. Nothing was changed.');
          await session.call('changePassphrase', { oldPassphrase, newPassphrase });
        }
      });
      if (ctx.json) return printJson(ctx, { changed: true });
      ctx.stdout.write('Passphrase changed. Use the new one from now on; your recovery key still works.\n');
    });
}
