/** How the import keys the index: which files belong to one person, and UIDs for files that lack one. */
import { createHash } from 'node:crypto';
import type { DicomFacts } from '../dicom/types';

/**
 * Groups instances of one person: hospitals give different IDs, so the key is the DICOM patient
 * ID plus issuer, normalised name and birth date. Two copies from the same hospital group together.
 */
export function patientKey(p: DicomFacts['patient']): string {
  const name = (p.name ?? '').toUpperCase().replace(/\s+/g, ' ').replace(/\^+$/, '').trim();
  return JSON.stringify([p.id ?? '', p.issuer ?? '', name, p.birthDate ?? '']);
}

/** Stable placeholder when a file lacks a UID, so it still lands in the index (and says so). */
export function placeholderUid(kind: string, seed: string): string {
  return `scanvault-missing-${kind}:${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
}
