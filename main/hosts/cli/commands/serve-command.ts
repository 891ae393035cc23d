import type { Command } from 'commander';
import { startBrowserHost } from '../../server/browser-host';
import { openSession, printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';

export function registerServeCommand(program: Command, context: () => CliContext, staticDir: string): void {
  program
    .command('serve')
    .description('Open ScanVault in a web browser on this computer only (127.0.0.1), protected by a secret address.')
    .option('--port <n>', 'port to listen on (default: any free port)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliExit(EXIT.usage, '--port needs a number from 0 to 65535.');
      return n;
    })
    .action(async (opts: { port?: number }) => {
      const ctx = context();
      const session = openSession(ctx, 'browser');
      const host = await startBrowserHost({
        dispatch: session.dispatch,
        staticDir,
        log: ctx.log,
        uploads: session.core.uploads,
        bytes: session.core,
        ...(opts.port !== undefined ? { port: opts.port } : {}),
      });
      if (ctx.json) printJson(ctx, { url: host.url, port: host.port });
      else {
        ctx.stdout.write(`ScanVault is running. Open this address in your browser (it contains a one-time secret; do not share it):\n\n  ${host.url}\n\nPress Ctrl-C to stop. Stopping locks the vault.\n`);
      }
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        ctx.stop.addEventListener('abort', stop);
        if (ctx.stop.aborted) stop();
      });
      await session.core.lockNow();
      await host.close();
    });
}
