/**
 * Altered copies of a DICOM file for the compare tests: an attribute edited, a pixel region
 * painted, UIDs regenerated, the file meta rewritten, a lossless re-encode by dcmtk. Tests only;
 * re-encoding writes the fixture (never patient data) to a temporary folder that is removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDicom } from '../../core/dicom/read-dicom';
import { readDicomTree, type DataElement } from '../../core/share/deid/dataset-tree';
import { writeFile } from '../../core/share/deid/serialise';
import { newUid } from '../dicom-fixtures';

const text = (value: string): Uint8Array => {
  const padded = value.length % 2 === 1 ? `${value}${/^[0-9.]+$/.test(value) ? '\0' : ' '}` : value;
  return Buffer.from(padded, 'latin1');
};

const element = (tag: number, vr: string, value: string): DataElement => ({ tag, vr, value: text(value), encapsulated: false, items: null });

function setIn(elements: DataElement[], tag: number, vr: string, value: string | null): DataElement[] {
  const rest = elements.filter((e) => e.tag !== tag);
  if (value === null) return rest;
  return [...rest, element(tag, vr, value)].sort((a, b) => a.tag - b.tag);
}

/** The file with one top-level attribute set (null: removed); written explicit VR little endian. */
export function withAttribute(bytes: Uint8Array, tag: number, vr: string, value: string | null): Buffer {
  const tree = readDicomTree(bytes);
  return writeFile(tree.meta, setIn(tree.dataset, tag, vr, value));
}

/** The same dataset bytes behind another File Meta group (another implementation, a source AE title). */
export function withNewFileMeta(bytes: Uint8Array): Buffer {
  const read = readDicom(bytes);
  if (read.kind !== 'instance') throw new Error('not an instance');
  const tree = readDicomTree(bytes);
  let meta = setIn(tree.meta, 0x00020013, 'SH', 'OTHER_TOOL_1');
  meta = setIn(meta, 0x00020016, 'AE', 'OUTSIDE_PACS');
  const head = writeFile(meta, []);
  return Buffer.concat([head, Buffer.from(bytes.subarray(read.facts.datasetOffset))]);
}

/** New Study, Series and SOP Instance UIDs (and the meta's copy of the SOP UID), pixels untouched. */
export function withNewUids(bytes: Uint8Array): { bytes: Buffer; sopInstanceUid: string } {
  const tree = readDicomTree(bytes);
  const sop = newUid();
  let dataset = setIn(tree.dataset, 0x00080018, 'UI', sop);
  dataset = setIn(dataset, 0x0020000d, 'UI', newUid());
  dataset = setIn(dataset, 0x0020000e, 'UI', newUid());
  return { bytes: writeFile(setIn(tree.meta, 0x00020003, 'UI', sop), dataset), sopInstanceUid: sop };
}

/**
 * A rectangle [x0..x1] x [y0..y1] (inclusive) of native pixel data set to `value`, in place on a
 * copy: same size, every other byte unchanged. 8- or 16-bit single-sample images, little endian.
 */
export function paintRegion(bytes: Uint8Array, box: [number, number, number, number], value: number, frame = 0): Buffer {
  const read = readDicom(bytes);
  if (read.kind !== 'instance') throw new Error('not an instance');
  const { pixelDataOffset, pixelDataLength, rows, columns, bitsAllocated, samplesPerPixel } = read.facts.image;
  if (pixelDataOffset === null || pixelDataLength === null || rows === null || columns === null || (samplesPerPixel ?? 1) !== 1) throw new Error('needs native single-sample pixels');
  const out = Buffer.from(bytes);
  const width = bitsAllocated === 8 ? 1 : 2;
  for (let y = box[1]; y <= box[3]; y++) {
    for (let x = box[0]; x <= box[2]; x++) {
      const at = pixelDataOffset + ((frame * rows + y) * columns + x) * width;
      if (width === 1) out[at] = value & 0xff;
      else out.writeUInt16LE(value & 0xffff, at);
    }
  }
  return out;
}

/** Runs a dcmtk re-encoder (e.g. `dcmcrle`, `dcmcjpeg +e1`) on the bytes; null when it is not installed. */
export function dcmtkReencode(bytes: Uint8Array, tool: string, args: string[] = []): Buffer | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-compare-fixture-'));
  try {
    const input = path.join(dir, 'in.dcm');
    const output = path.join(dir, 'out.dcm');
    writeFileSync(input, bytes);
    const run = spawnSync(tool, [...args, input, output], { encoding: 'utf8' });
    if (run.error !== undefined) return null;
    if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs dcmodify (which edits in place) on a copy of the bytes, e.g. `-m "(0010,0010)=X"`. */
export function dcmodify(bytes: Uint8Array, args: string[]): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-compare-fixture-'));
  try {
    const file = path.join(dir, 'f.dcm');
    writeFileSync(file, bytes);
    const run = spawnSync('dcmodify', ['-nb', ...args, file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`dcmodify failed: ${run.stderr}`);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function toolPresent(tool: string, suite: string): boolean {
  const present = spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined;
  if (!present) process.stdout.write(`skipped: ${suite} needs ${tool} (apt-get install dcmtk)\n`);
  return present;
}
