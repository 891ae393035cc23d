/** Entry of the bundled CLI (dist/cli.mjs); bin/scanvault.js makes sure Node 24 runs it. */
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';

const staticDir = fileURLToPath(new URL('./renderer/', import.meta.url));
const code = await runCli(process.argv.slice(2), {
  io: { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  staticDir,
});
process.exitCode = code;
