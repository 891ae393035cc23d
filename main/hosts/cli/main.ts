/** Entry of the bundled CLI (dist/cli.mjs); bin/scanvault.js makes sure Node 24 runs it. */
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';
import { watchLauncher } from './launcher-link';

// `scanvault --help | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const launcher = watchLauncher(process);
const staticDir = fileURLToPath(new URL('./renderer/', import.meta.url));
const code = await runCli(process.argv.slice(2), {
  io: { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  staticDir,
  stop: launcher.stop,
});
launcher.release();
process.exitCode = code;
