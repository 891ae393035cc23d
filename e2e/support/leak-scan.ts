/**
 * The leak test's two halves: what identifies the people in a folder of DICOM files (names, patient
 * IDs, UIDs), and a search of other folders' files for any of it. Tests only.
 *
 * Each file is searched as raw bytes (UTF-8 and Latin-1 text) and with NUL bytes dropped (ASCII text
 * stored as UTF-16, as Chromium's databases do). Data compressed on disk (Snappy blocks in LevelDB, gzip)
 * would hide a value from this search; the profile folders the test scans keep short strings uncompressed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../main/core/dicom/read-dicom';

/** Name parts too common to mean a person (sample data uses them as placeholders). */
const NOT_A_NAME = new Set(['ANONYMOUS', 'ANONYMIZED', 'PATIENT', 'UNKNOWN', 'PHANTOM', 'SAMPLE', 'HISTORY', 'VOLUNTEER', 'TESTING']);

export interface Identifiers { names: Set<string>; ids: Set<string>; uids: Set<string> }

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Everything identifying in the DICOM files under `dir`, read with the core's own parser. */
export function identifiersIn(dir: string): Identifiers {
  const found: Identifiers = { names: new Set(), ids: new Set(), uids: new Set() };
  for (const file of filesUnder(dir)) {
    let read;
    try {
      read = readDicom(readFileSync(file));
    } catch {
      continue;
    }
    if (read.kind !== 'instance') continue;
    const f = read.facts;
    const name = f.patient.name?.trim();
    if (name) {
      for (const part of name.split(/[\^=\s]+/)) {
        if (part.length >= 5 && !NOT_A_NAME.has(part.toUpperCase())) found.names.add(part);
      }
    }
    const id = f.patient.id?.trim();
    // Short IDs ("1", "123") occur by chance in any binary file; they prove nothing either way.
    if (id && id.length >= 6) found.ids.add(id);
    for (const uid of [f.studyInstanceUid, f.seriesInstanceUid, f.sopInstanceUid]) if (uid && uid.length >= 16) found.uids.add(uid);
  }
  return found;
}

export interface Hit { file: string; value: string }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every file under `dirs` holding one of the identifiers (first hit per file). */
export function findIdentifiers(dirs: string[], ids: Identifiers): Hit[] {
  const values = [...ids.names, ...ids.ids, ...ids.uids].map((v) => Buffer.from(v, 'utf8').toString('latin1'));
  if (values.length === 0) return [];
  // Longest first, so a UID is reported whole rather than as a prefix of another.
  const pattern = new RegExp(values.sort((a, b) => b.length - a.length).map(escape).join('|'), 'i');
  const hits: Hit[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    let bytes: Buffer;
    try {
      if (statSync(file).size > 512 * 1024 * 1024) continue;
      bytes = readFileSync(file);
    } catch {
      continue; // a socket, or removed while scanning
    }
    const text = bytes.toString('latin1');
    const match = pattern.exec(text) ?? pattern.exec(text.replaceAll('\0', ''));
    if (match) hits.push({ file, value: Buffer.from(match[0], 'latin1').toString('utf8') });
  }
  return hits;
}

/**
 * Drops identifiers that also occur in `dirs` (ScanVault's own built code): sample files use
 * placeholders such as "Firstname" or "slice" that any program contains, and finding those proves nothing.
 */
export function withoutValuesIn(ids: Identifiers, dirs: string[]): Identifiers {
  const noise = new Set(findAllIdentifiers(dirs, ids).map((v) => v.toLowerCase()));
  const keep = (set: Set<string>) => new Set([...set].filter((v) => !noise.has(v.toLowerCase())));
  return { names: keep(ids.names), ids: keep(ids.ids), uids: keep(ids.uids) };
}

function findAllIdentifiers(dirs: string[], ids: Identifiers): string[] {
  const values = [...ids.names, ...ids.ids, ...ids.uids];
  const texts = dirs.flatMap(filesUnder).map((f) => readFileSync(f).toString('latin1').toLowerCase());
  return values.filter((v) => {
    const needle = Buffer.from(v, 'utf8').toString('latin1').toLowerCase();
    return texts.some((t) => t.includes(needle));
  });
}
