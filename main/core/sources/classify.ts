import type { SkipCode } from './types';

/**
 * Decides which files are clearly not medical data. Deliberately narrow: DICOM files often have
 * no extension or odd ones (.dcm, .ima, .img, 0001, IM0001.), so anything not listed here is
 * returned as a candidate and the DICOM reader has the last word. PDFs, images, .txt and .xml
 * stay candidates too (they may be reports).
 */

const SYSTEM_DIRECTORIES = new Set([
  '__macosx', '.spotlight-v100', '.trashes', '.fseventsd', '.temporaryitems',
  '.documentrevisions-v100', 'system volume information', '$recycle.bin',
]);
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', '.volumeicon.icns']);
const DISC_DOCUMENT_NAMES = /^(readme|read me|read_me|license|licence|copying|eula)(\.(txt|1st|md|rtf))?$/;

const EXTENSION_CODES: ReadonlyMap<string, SkipCode> = new Map([
  ...codeFor('VIEWER_PROGRAM', ['exe', 'dll', 'msi', 'bat', 'cmd', 'com', 'sh', 'jar', 'class', 'ocx', 'sys', 'cab', 'dylib', 'so', 'vbs', 'ps1', 'scr', 'cpl', 'drv']),
  ...codeFor('VIEWER_FILE', ['html', 'htm', 'xhtml', 'js', 'css', 'xsl', 'xslt', 'ico', 'icns', 'ttf', 'otf', 'woff', 'woff2', 'eot', 'swf']),
  ...codeFor('DISC_SETTINGS', ['inf', 'ini', 'cfg']),
  ...codeFor('DISC_DOCUMENT', ['chm', 'hlp']),
]);

function codeFor(code: SkipCode, extensions: string[]): [string, SkipCode][] {
  return extensions.map((ext) => [ext, code]);
}

const UNSUPPORTED_ARCHIVE = /\.(gz|tgz|bz2|tbz2?|xz|txz|zst|7z|rar|tar|iso|dmg)$/i;

/** Why a whole directory is skipped (its contents are not listed one by one), or null. */
export function classifyDirectory(name: string): SkipCode | null {
  const lower = name.toLowerCase();
  if (SYSTEM_DIRECTORIES.has(lower)) return 'SYSTEM_FILE';
  if (lower.endsWith('.app')) return 'VIEWER_PROGRAM';
  return null;
}

/** Why a file is skipped, or null when it is a candidate. */
export function classifyFileName(name: string): SkipCode | null {
  const lower = name.toLowerCase();
  if (SYSTEM_FILES.has(lower) || lower.startsWith('._')) return 'SYSTEM_FILE';
  if (DISC_DOCUMENT_NAMES.test(lower)) return 'DISC_DOCUMENT';
  const dot = lower.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSION_CODES.get(stripIsoVersion(lower.slice(dot + 1))) ?? null;
}

/** For archive entries: the first skipped directory in the path, if any, with its path. */
export function skippedDirectoryOf(path: string): { dirPath: string; code: SkipCode } | null {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const code = classifyDirectory(parts[i] ?? '');
    if (code) return { dirPath: parts.slice(0, i + 1).join('/'), code };
  }
  return null;
}

export function isZipName(name: string): boolean {
  return /\.zip$/i.test(stripIsoVersion(name));
}

/** Archive kinds ScanVault does not open (they would need extracting to disk or another library). */
export function isUnsupportedArchiveName(name: string): boolean {
  return UNSUPPORTED_ARCHIVE.test(stripIsoVersion(name));
}

/**
 * Normalises a name the way ISO 9660 discs show them: case-insensitive, without a ";1" version
 * suffix and without the trailing '.' of extension-less names ("IM0001." -> "IM0001").
 */
export function normalizeIsoName(name: string): string {
  return stripIsoVersion(name).replace(/\.+$/, '').toUpperCase();
}

export function isDicomdirName(name: string): boolean {
  return normalizeIsoName(name) === 'DICOMDIR';
}

function stripIsoVersion(name: string): string {
  return name.replace(/;\d+$/, '');
}
