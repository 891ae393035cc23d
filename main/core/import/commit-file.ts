/**
 * The sequential half of importing one file: index what prepare-file.ts produced, in source order,
 * inside the write transaction of the file's group (see run-import.ts). Decides "seen again",
 * conflict, attachment, skip or failure.
 */
import type { ImportReport } from '../../../shared/domain';
import { insertBlob } from '../db/blobs';
import type { WritableDB } from '../db/database';
import {
  fillStudy, findBySha, findPatientByKey, findStudy, insertAttachment, insertInstance, insertPatient, insertStudy,
  instancesWithSopUid, markConflict, recordFile, upsertSeries, type FileRecord,
} from '../db/import-index';
import type { DicomFacts } from '../dicom/types';
import { linkNewRecord } from '../people/auto-link';
import type { OpenVault } from '../vault/vault';
import { patientKey, placeholderUid } from './index-keys';
import { blobsOf, type PreparedFile } from './prepare-file';

export interface BatchState {
  vault: OpenVault;
  batchId: number;
  report: ImportReport;
  studyIds: Set<number>;
  patientIds: Set<number>;
  /** PDFs found loose on the medium; linked to the study once the batch shows which one. */
  loosePdfAttachmentIds: number[];
  /** Blobs written for files that turned out to be duplicates; deleted after the next commit. */
  discardedBlobs: string[];
}

const DICOMDIR_REASON = 'Disc index (DICOMDIR): used to find the images, not an image itself';
const OTHER_PATIENT = 'This image belongs to a study already in your vault under a different patient name or ID. '
  + 'It was kept with that study so you can compare the copies; check where this copy came from.';

/** Runs inside a WriteScheduler fn: `db` is the open write transaction. */
export function commitFile(db: WritableDB, state: BatchState, p: PreparedFile): void {
  const { report } = state;
  const record = (r: Partial<FileRecord> & Pick<FileRecord, 'outcome'>): void => recordFile(db, {
    batchId: state.batchId, relativePath: p.path, size: p.size, reason: null, transferSyntax: null, warnings: [],
    sha256File: 'sha256' in p ? p.sha256 : null, instanceId: null, attachmentId: null, ...r,
  });

  if (p.kind === 'read-failed') {
    report.failed.push({ path: p.path, error: p.error });
    return record({ outcome: 'failed', reason: p.error });
  }
  // Checked again here: an identical file may have been prepared at the same time.
  const known = findBySha(db, p.sha256);
  if (known) {
    state.discardedBlobs.push(...blobsOf(p));
    report.seenAgain++;
    return record({ outcome: 'seen-again', ...known });
  }
  switch (p.kind) {
    case 'known':
      throw new Error('a known file vanished from the index during import');
    case 'dicomdir':
      report.skipped.push({ path: p.path, reason: DICOMDIR_REASON });
      return record({ outcome: 'skipped', reason: DICOMDIR_REASON, warnings: p.warnings });
    case 'damaged':
      report.failed.push({ path: p.path, error: p.reason });
      return record({ outcome: 'failed', reason: p.reason });
    case 'not-dicom':
      report.skipped.push({ path: p.path, reason: p.reason });
      return record({ outcome: 'skipped', reason: p.reason });
    case 'pdf': {
      insertBlob(db, p.blob.blobId, p.blob.size, p.blob.sha256);
      const attachmentId = insertAttachment(db, { studyId: null, patientId: null, blobId: p.blob.blobId, title: p.title, sha256: p.sha256 });
      state.loosePdfAttachmentIds.push(attachmentId);
      report.attachments++;
      return record({ outcome: 'attachment', attachmentId });
    }
    case 'instance':
      return commitInstance(db, state, p, record);
  }
}

function commitInstance(
  db: WritableDB,
  state: BatchState,
  p: Extract<PreparedFile, { kind: 'instance' }>,
  record: (r: Partial<FileRecord> & Pick<FileRecord, 'outcome'>) => void,
): void {
  const { report } = state;
  const { facts } = p;
  const warnings = [...p.warnings];
  const uids = resolveUids(facts, p.sha256.toString('hex'), warnings);
  const { patientId, studyId } = fileUnderStudy(db, uids.study, facts, warnings);
  const seriesId = upsertSeries(db, studyId, uids.series, facts.series);
  insertBlob(db, p.blob.blobId, p.blob.size, p.blob.sha256);
  const sameUid = instancesWithSopUid(db, uids.sop);
  const conflictGroup = sameUid.length > 0 ? uids.sop : null;
  const instanceId = insertInstance(db, {
    seriesId, sopInstanceUid: uids.sop, facts, blobId: p.blob.blobId, sha256File: p.sha256, sha256Dataset: p.datasetSha256,
    pixelDigestStatus: p.pixelDigestStatus, frameDigests: p.frameDigests, conflictGroup,
  });
  if (conflictGroup) {
    markConflict(db, sameUid.map((r) => r.id), conflictGroup);
    const samePixels = p.frameDigests !== null && sameUid.some((r) => r.frameDigests?.equals(p.frameDigests!) === true);
    report.conflicts.push({ path: p.path, sopInstanceUid: uids.sop, reason: conflictReason(samePixels) });
  } else {
    report.imported++;
  }
  if (warnings.length > 0) report.warnings.push({ path: p.path, warnings });
  state.studyIds.add(studyId);
  state.patientIds.add(patientId);
  noteStudy(report, uids.study, facts);

  let attachmentId: number | null = null;
  if (p.embeddedPdf) {
    const existing = findBySha(db, p.embeddedPdf.sha256);
    if (existing?.attachmentId) {
      attachmentId = existing.attachmentId;
      state.discardedBlobs.push(p.embeddedPdf.blob.blobId);
    } else {
      const pdf = p.embeddedPdf;
      insertBlob(db, pdf.blob.blobId, pdf.blob.size, pdf.blob.sha256);
      attachmentId = insertAttachment(db, { studyId, patientId, blobId: pdf.blob.blobId, title: pdf.title, sha256: pdf.sha256 });
      report.attachments++;
    }
  }
  record({ outcome: conflictGroup ? 'conflict' : 'imported', transferSyntax: facts.transferSyntaxUid, warnings, instanceId, attachmentId });
}

/**
 * A study belongs to one patient. A copy of a known study that names another patient (an altered
 * or re-labelled copy) is filed with the study's patient, with a warning, instead of creating a
 * second patient who would show in the library with no studies at all.
 */
function fileUnderStudy(db: WritableDB, studyUid: string, facts: DicomFacts, warnings: string[]): { patientId: number; studyId: number } {
  const key = patientKey(facts.patient);
  const study = findStudy(db, studyUid);
  if (study) {
    fillStudy(db, study.id, facts.study);
    if (findPatientByKey(db, key) !== study.patientId) warnings.push(OTHER_PATIENT);
    return { patientId: study.patientId, studyId: study.id };
  }
  const patientId = findPatientByKey(db, key) ?? newPatientRecord(db, key, facts.patient);
  return { patientId, studyId: insertStudy(db, patientId, studyUid, facts.study) };
}

/** A new DICOM patient record goes straight into a person (people/auto-link.ts). */
function newPatientRecord(db: WritableDB, key: string, patient: DicomFacts['patient']): number {
  const id = insertPatient(db, key, patient);
  linkNewRecord(db, { id, name: patient.name, birthDate: patient.birthDate }, new Date().toISOString());
  return id;
}

function conflictReason(samePixels: boolean): string {
  return samePixels
    ? 'Same image ID as an image already in the vault, with identical pixels but a different file encoding or header. Both copies were kept.'
    : 'Same image ID as an image already in the vault, but different contents: possibly an altered copy. Both copies were kept so you can compare them.';
}

function resolveUids(facts: DicomFacts, seed: string, warnings: string[]): { study: string; series: string; sop: string } {
  if (!facts.studyInstanceUid) warnings.push('The file has no study ID; it was filed under a study of its own.');
  if (!facts.seriesInstanceUid) warnings.push('The file has no series ID; it was filed under a series of its own.');
  if (!facts.sopInstanceUid) warnings.push('The file has no image ID; it was given one by ScanVault.');
  const study = facts.studyInstanceUid ?? placeholderUid('study', `${facts.patient.id ?? ''}|${facts.study.date ?? ''}|${seed}`);
  return {
    study,
    series: facts.seriesInstanceUid ?? placeholderUid('series', `${study}|${facts.series.modality ?? ''}`),
    sop: facts.sopInstanceUid ?? placeholderUid('instance', seed),
  };
}

function noteStudy(report: ImportReport, studyInstanceUid: string, facts: DicomFacts): void {
  if (report.studies.some((s) => s.studyInstanceUid === studyInstanceUid)) return;
  report.studies.push({ studyInstanceUid, date: facts.study.date, description: facts.study.description, patientName: facts.patient.name });
}
