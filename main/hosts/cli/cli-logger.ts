import { appendFileSync } from 'node:fs';
import { createLogger, silentLogger, type Logger } from '../../core/log';
import { CliExit, EXIT } from './exit-codes';

/**
 * Internal log lines (`[scanvault] info …`) are for diagnosis, not for the person at the terminal:
 * printed only with --verbose (on stderr) or into a file they name with --log-file. The logger
 * itself only accepts event names and numbers, so neither place can receive patient data.
 */
export function cliLogger(opts: { verbose: boolean; logFile: string | undefined; stderr: NodeJS.WritableStream }): Logger {
  const sinks: ((line: string) => void)[] = [];
  if (opts.verbose) sinks.push((line) => opts.stderr.write(line + '\n'));
  if (opts.logFile !== undefined) {
    const file = opts.logFile;
    try {
      appendFileSync(file, '', { mode: 0o600 });
    } catch {
      throw new CliExit(EXIT.usage, 'The log file given with --log-file cannot be written. Choose a file in a folder you can write to.');
    }
    // Synchronous on purpose: the last lines before a crash are the useful ones.
    sinks.push((line) => {
      try {
        appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
      } catch {
        // A full disk or removed drive must not stop the work the log describes.
      }
    });
  }
  if (sinks.length === 0) return silentLogger;
  return createLogger((line) => { for (const sink of sinks) sink(line); });
}
