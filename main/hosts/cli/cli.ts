import { Command, CommanderError } from 'commander';
import type { Logger } from '../../core/log';
import { cliLogger } from './cli-logger';
import { defaultVaultDir, settingsFilePath } from '../../core/paths';
import { resolveVaultDir } from '../../core/session/vault-folder';
import { registerAiRecordCommands } from './commands/ai-record-commands';
import { registerBackupCommands } from './commands/backup-commands';
import { registerDataCommands } from './commands/data-commands';
import { registerDetailsCommands } from './commands/details-commands';
import { registerIntegrityCommands } from './commands/integrity-commands';
import { registerLibraryCommands } from './commands/library-commands';
import { registerPeopleCommands } from './commands/people-commands';
import { registerServeCommand } from './commands/serve-command';
import { registerShareCommands } from './commands/share-commands';
import { registerVaultCommands } from './commands/vault-commands';
import type { CliContext, CliIo } from './context';
import { CliExit, EXIT } from './exit-codes';
import type { KdfCost, KdfPolicy } from '../../core/crypto/kdf-policy';

export interface CliOptions {
  io: CliIo;
  staticDir: string;
  log?: Logger;
  /** Tests only: a fast KDF policy. Never reachable from the command line. */
  kdfPolicy?: KdfPolicy;
  kdfParams?: KdfCost;
  /** Aborted when the command must stop now (the launcher died); default: never. */
  stop?: AbortSignal;
  /** Tests only: where the chosen vault folder is remembered (default: settings.json in the per-user data folder). */
  settingsFile?: string;
}

/** Builds the `scanvault` program and runs it; resolves to the process exit code. */
export async function runCli(argv: string[], opts: CliOptions): Promise<number> {
  const { io } = opts;
  const program = new Command('scanvault')
    .description('ScanVault keeps your medical images (DICOM) in an encrypted vault on your own computer.')
    .option('--vault <dir>', 'vault folder (default: the folder last chosen in the app, else the desktop app’s data folder)')
    .option('--json', 'print machine-readable JSON on stdout (progress and messages go to stderr)')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of a file (or set SCANVAULT_PASSPHRASE)')
    .option('--verbose', 'also print ScanVault\'s internal log lines on stderr (they never contain patient data)')
    .option('--log-file <file>', 'append the internal log lines to this file (they never contain patient data)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run "scanvault --help" to see every command)');
  program.addHelpText('after', `
Exit codes: 0 ok, 1 failure, 2 usage error, 3 wrong passphrase or locked vault, 4 a check found problems.
The passphrase comes from SCANVAULT_PASSPHRASE, --passphrase-file, or a prompt that does not echo.`);

  type GlobalOptions = { vault?: string; json?: boolean; passphraseFile?: string; verbose?: boolean; logFile?: string };
  const context = (): CliContext => {
    const g = program.opts<GlobalOptions>();
    const settingsFile = opts.settingsFile ?? settingsFilePath(io.env);
    return {
      ...io,
      vaultDir: resolveVaultDir({ explicit: g.vault, settingsFile, fallback: defaultVaultDir(io.env) }),
      settingsFile,
      json: g.json === true,
      passphraseFile: g.passphraseFile,
      log: opts.log ?? cliLogger({ verbose: g.verbose === true, logFile: g.logFile, stderr: io.stderr }),
      stop: opts.stop ?? new AbortController().signal,
      ...(opts.kdfPolicy ? { kdfPolicy: opts.kdfPolicy } : {}),
      ...(opts.kdfParams ? { kdfParams: opts.kdfParams } : {}),
    };
  };
  registerVaultCommands(program, context);
  registerDataCommands(program, context);
  registerIntegrityCommands(program, context);
  registerBackupCommands(program, context);
  registerLibraryCommands(program, context);
  registerPeopleCommands(program, context);
  registerDetailsCommands(program, context);
  registerAiRecordCommands(program, context);
  registerShareCommands(program, context);
  registerServeCommand(program, context, opts.staticDir);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const cmd of all(program).slice(1)) cmd.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const json = program.opts<GlobalOptions>().json === true;
    if (err instanceof CliExit) {
      if (err.message) {
        io.stderr.write(`${err.message}\n`);
        // --json promises JSON on stdout: a failure is an error object, never silence.
        if (json) printJsonError(io, err.code ?? (err.exitCode === EXIT.usage ? 'BAD_REQUEST' : 'FAILED'), err.message);
      }
      return err.exitCode;
    }
    const message = 'Something went wrong inside ScanVault. Nothing was lost; please try again.';
    io.stderr.write(`${message}\n`);
    if (json) printJsonError(io, 'INTERNAL', message);
    return EXIT.failure;
  }
}

function printJsonError(io: CliIo, code: string, message: string): void {
  io.stdout.write(JSON.stringify({ error: { code, message } }, null, 2) + '\n');
}
