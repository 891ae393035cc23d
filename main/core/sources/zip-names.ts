import * as yauzl from 'yauzl';
import type { Entry } from 'yauzl';

export type EntryName =
  | { kind: 'file'; path: string }
  | { kind: 'directory' }
  | { kind: 'unsafe'; display: string };

/**
 * Decodes and checks an entry name ourselves (yauzl's own check would abort the whole archive on
 * the first bad name, losing every good file after it). Backslashes are read as separators, as
 * old Windows zippers (PowerShell 5 Compress-Archive among them) write them; the result must then
 * be a plain relative path: no "..", no leading "/", no drive letter, no control characters.
 * Nothing is ever extracted to disk, but a path that claims to leave the archive is refused.
 */
export function decodeEntryName(entry: Entry): EntryName {
  const decoded = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  return checkRelativePath(decoded);
}

/**
 * The same check for any relative path given as text (files sent through the browser carry
 * "CD/IMAGES/IM0001"-style paths): backslashes become separators, "." and empty segments go.
 */
export function checkRelativePath(raw: string): EntryName {
  const name = raw.replace(/\\/g, '/');
  const display = [...name].map((ch) => (isControl(ch) ? '?' : ch)).join('');
  if (isUnsafe(name)) return { kind: 'unsafe', display };
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || name.endsWith('/')) return { kind: 'directory' };
  return { kind: 'file', path: parts.join('/') };
}

function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

function isUnsafe(name: string): boolean {
  if (name === '' || [...name].some(isControl)) return true;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split('/').some((part) => part === '..');
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const UNIX_HOSTS = new Set([3, 19]); // "version made by" high byte: 3 = Unix, 19 = OS X

/** File type from the Unix mode bits some zippers store; 'regular' when the archive does not say. */
export function entryFileType(entry: Entry): 'regular' | 'directory' | 'symlink' | 'special' {
  if (!UNIX_HOSTS.has(entry.versionMadeBy >>> 8)) return 'regular';
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type === 0 || type === S_IFREG) return 'regular';
  if (type === S_IFDIR) return 'directory';
  return type === S_IFLNK ? 'symlink' : 'special';
}
