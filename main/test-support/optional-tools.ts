/**
 * Validators that are optional for `npm test` (CI installs them): a suite that needs one asks here
 * and is skipped without it, with one line saying what to install.
 */
import { spawnSync } from 'node:child_process';

const KNOWN = {
  dcmdump: { args: ['--version'], install: 'apt-get install dcmtk' },
  dcm2pdf: { args: ['--version'], install: 'apt-get install dcmtk' },
  dcm2pnm: { args: ['--version'], install: 'apt-get install dcmtk' },
  dciodvfy: { args: ['-h'], install: 'apt-get install dicom3tools' },
  gdcminfo: { args: ['--version'], install: 'apt-get install libgdcm-tools' },
  unzip: { args: ['-v'], install: 'apt-get install unzip' },
} as const;

export type OptionalTool = keyof typeof KNOWN;

export function optionalToolPresent(tool: OptionalTool, suite: string): boolean {
  const { args, install } = KNOWN[tool];
  const r = spawnSync(tool, args, { stdio: 'ignore' });
  const present = r.error === undefined;
  if (!present) process.stdout.write(`skipped: ${suite} needs ${tool} (${install})\n`);
  return present;
}
