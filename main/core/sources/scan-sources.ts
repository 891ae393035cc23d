/**
 * Import sources: turns what the patient chose (files, folders, .zip archives, hospital CD/USB
 * trees) into a list of candidate files, known up front so the UI can show "file 12 of 340".
 *
 * - Folders are walked recursively in name order. Links are never followed, special files are
 *   skipped, and an unreadable file or folder fails on its own ('failed' item) without stopping
 *   the rest. Nothing is ever written to disk.
 * - A .zip (chosen, or found in a folder) is listed from its central directory with yauzl; each
 *   entry is inflated only when read() (whole, in memory) or stream() (in chunks, for large
 *   files) is called, with ZipLimits enforced while inflating (not only from the declared sizes,
 *   which can lie), and its size and CRC-32 checked.
 *   Unsafe names ("../", absolute, drive letters), encrypted entries and unknown compression
 *   methods fail per entry; a damaged archive gives one 'failed' item and the import goes on.
 *   Links stored in a zip are skipped. Duplicate names are all returned (same relativePath):
 *   they may hold different data, and the pipeline de-duplicates by content.
 * - A zip inside a zip is opened up to maxNestingDepth levels (default 1, for portal downloads
 *   that wrap per-study zips), held in memory up to maxNestedArchiveBytes; deeper or larger
 *   ones fail with a reason telling the patient to unzip the outer archive. Other archive
 *   kinds (.gz, .7z, .rar, .tar, .iso) fail with "extract it first".
 * - A DICOMDIR (any case, ISO 9660 ";1" / trailing '.' tolerated) at the top of a folder or zip
 *   or one level down is used when a parser is given: the files it lists come first in its
 *   order with hint 'dicomdir-listed', the DICOMDIR itself just before them (hint 'candidate').
 *   Files it does not list are still returned as candidates; missing references give one
 *   warning per DICOMDIR; an unreadable DICOMDIR gives a warning and the tree is walked.
 *   Choosing the DICOMDIR file itself imports the folder it sits in.
 * - Viewer programs, web pages, disc settings, readme/licence texts, OS junk and empty files
 *   are 'skipped' with a plain reason (see classify.ts). Files with no or odd extensions, PDFs,
 *   images and other texts stay candidates: the DICOM reader decides.
 * - relativePath always starts with the name of what the patient chose: "CD/IMAGES/IM0001",
 *   "archive.zip/inner/path", "scan.dcm".
 * - Messages and warnings never contain paths or patient data; SourceFile.read() rejects with a
 *   SourceReadError carrying a stable code.
 * - Files sent through the browser (held in memory only) go through this same scan over an
 *   in-memory SourceFileSystem: see scan-memory.ts.
 */
import { basename, dirname, resolve } from 'node:path';
import { isDicomdirName, isZipName } from './classify';
import { walkFolder, fileEntries } from './folder-walk';
import { errnoToCode, nodeFileSystem, type SourceFileSystem } from './fs-access';
import { resolveLimits } from './limits';
import { failed, toSourceItem, type ScanContext, type TreeEntry } from './tree';
import type { MediumInfo, ScanOptions, SourceScan } from './types';
import { labelFromAutorun, labelFromMountPath, readMountPoints } from './volume-label';
import { NestedZipCache } from './zip-source';

export type { DicomdirParser, MediumInfo, ScanOptions, SourceFile, SourceItem, SourceScan, ZipLimits } from './types';
export { DEFAULT_ZIP_LIMITS } from './limits';
export { SourceReadError } from './messages';

export async function scanSources(paths: string[], options: ScanOptions = {}): Promise<SourceScan> {
  return scanSourcesWith({ fs: nodeFileSystem, mountPoints: readMountPoints() }, paths, options);
}

interface ScanDeps {
  fs: SourceFileSystem;
  mountPoints: string[];
}

type InputKind = 'folder' | 'zip' | 'file';

interface ScannedInput {
  kind: InputKind | 'missing';
  name: string;
  absPath: string;
  entries: TreeEntry[];
}

/** scanSources with its dependencies injected (tests use a file system that denies access). */
export async function scanSourcesWith(deps: ScanDeps, paths: string[], options: ScanOptions = {}): Promise<SourceScan> {
  const ctx: ScanContext = {
    limits: resolveLimits(options.limits),
    parseDicomdir: options.parseDicomdir,
    signal: options.signal,
    fs: deps.fs,
    nestedZips: new NestedZipCache(),
    dicomdirsUsed: [],
    dicomdirWarnings: [],
  };
  const inputs: ScannedInput[] = [];
  for (const absPath of await normalizeInputs(paths, ctx.fs)) {
    ctx.signal?.throwIfAborted();
    inputs.push(await scanInput(absPath, ctx));
  }
  const items = inputs.flatMap((input) => input.entries.map(toSourceItem));
  let totalFiles = 0;
  let totalBytes = 0;
  for (const item of items) {
    if (item.kind !== 'file') continue;
    totalFiles++;
    totalBytes += item.file.size;
  }
  return { medium: await describeMedium(inputs, ctx, deps), totalFiles, totalBytes, items };
}

/** Absolute, without repeats; a chosen DICOMDIR file stands for the folder it indexes. */
async function normalizeInputs(paths: string[], fs: SourceFileSystem): Promise<string[]> {
  const normalized: string[] = [];
  for (const path of paths) {
    const absPath = resolve(path);
    const isDicomdirFile = isDicomdirName(basename(absPath)) && (await fs.stat(absPath).then((s) => s.isFile(), () => false));
    normalized.push(isDicomdirFile ? dirname(absPath) : absPath);
  }
  return [...new Set(normalized)];
}

async function scanInput(absPath: string, ctx: ScanContext): Promise<ScannedInput> {
  const name = basename(absPath);
  let stat;
  try {
    stat = await ctx.fs.stat(absPath);
  } catch (err) {
    const code = errnoToCode(err) === 'FILE_UNREADABLE' ? 'FILE_UNREADABLE' : 'INPUT_NOT_FOUND';
    return { kind: 'missing', name, absPath, entries: [failed(name, null, code)] };
  }
  if (stat.isDirectory()) {
    return { kind: 'folder', name, absPath, entries: await walkFolder(absPath, name, ctx) };
  }
  const kind: InputKind = isZipName(name) ? 'zip' : 'file';
  return { kind, name, absPath, entries: await fileEntries(absPath, name, '', stat, ctx) };
}

async function describeMedium(inputs: ScannedInput[], ctx: ScanContext, deps: ScanDeps): Promise<MediumInfo> {
  return {
    kind: mediumKind(inputs, ctx),
    names: inputs.map((input) => input.name),
    volumeLabel: await volumeLabel(inputs, deps),
    dicomdir: ctx.dicomdirsUsed[0] ?? null,
    dicomdirWarnings: ctx.dicomdirWarnings,
  };
}

function mediumKind(inputs: ScannedInput[], ctx: ScanContext): MediumInfo['kind'] {
  if (ctx.dicomdirsUsed.length > 0) return 'cd';
  if (inputs.some((input) => input.kind === 'folder')) return 'folder';
  if (inputs.length > 0 && inputs.every((input) => input.kind === 'zip')) return 'zip';
  return 'files';
}

async function volumeLabel(inputs: ScannedInput[], deps: ScanDeps): Promise<string | null> {
  for (const input of inputs) {
    if (input.kind === 'missing') continue;
    const real = await deps.fs.realpath(input.absPath).catch(() => input.absPath);
    const label = labelFromMountPath(real, deps.mountPoints);
    if (label) return label;
  }
  for (const input of inputs) {
    if (input.kind !== 'folder') continue;
    const label = await autorunLabel(input.absPath, deps.fs);
    if (label) return label;
  }
  return null;
}

async function autorunLabel(folder: string, fs: SourceFileSystem): Promise<string | null> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const autorun = names.find((n) => n.toLowerCase() === 'autorun.inf');
  if (!autorun) return null;
  const bytes = await fs.readSmallFile(resolve(folder, autorun), 64 * 1024);
  return bytes ? labelFromAutorun(bytes.toString('latin1')) : null;
}
