/**
 * Test helper: dcmtk's dcmdump and dicom3tools' dciodvfy on bytes, for comparing a de-identified
 * output with its original. Only public sample data, fixtures and their de-identified copies go
 * through the scratch file, and its folder is removed.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDicomTree } from '../../core/share/deid';
import { writeFile } from '../../core/share/deid/serialise';
import { encodeAscii } from '../../core/share/deid/values';
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN } from '../../core/dicom/transfer-syntax';

/** dciodvfy cannot identify the object when reading stdin, so tools read a scratch file. */
export function onFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'deid-check-'));
  try {
    const file = path.join(dir, 'file.dcm');
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function dcmdump(bytes: Uint8Array): SpawnSyncReturns<string> {
  return onFile(bytes, (file) => spawnSync('dcmdump', ['-q', file], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 }));
}

/**
 * dciodvfy cannot read deflated files ("Dicom dataset read failed"), so it would see errors in the
 * output that it never got to see in the original. The original is then given to it inflated, as
 * explicit VR little endian with every value unchanged (the engine's own writer, no profile).
 */
export function asDciodvfyReads(original: Uint8Array): Uint8Array {
  const tree = readDicomTree(original);
  if (tree.transferSyntaxUid !== DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) return original;
  const meta = tree.meta.map((e) => (e.tag === 0x00020010 ? { ...e, value: encodeAscii(EXPLICIT_VR_LITTLE_ENDIAN, 'UI') } : e));
  // Group lengths would no longer fit the rewritten sequences (the engine drops them too).
  return writeFile(meta, tree.dataset.filter((e) => (e.tag & 0xffff) !== 0));
}

/**
 * dciodvfy's errors, with values taken out: UIDs differ by design (dotted ones, and invalid ones
 * such as "0" that the engine also maps), so the kind of error and its attribute are what count.
 */
export function dciodvfyErrors(bytes: Uint8Array): Set<string> {
  const run = onFile(bytes, (file) => spawnSync('dciodvfy', [file], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 }));
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.startsWith('Error'));
  return new Set(lines.map((l) => l
    .replace(/ = <[^>]*>/g, '')
    .replace(/<[\d.]+>/g, '<UID>')
    .replace(/\b\d+(\.\d+){2,}\b/g, 'UID')
    .replace(/(UID) [\d.]+$/, '$1 UID')
    .replace(/\[\d+\]/g, '')
    .trim()));
}
