// Tests and the library benchmark only: fills a vault's index with many one-picture studies fast,
// with rows shaped as an import writes them (patient, person link, study, series, instance, blob,
// import batch and file rows). No blob files are written: use it for queries, not for viewing.
import { createHash, randomBytes } from 'node:crypto';
import type { WritableDB } from '../../core/db/database';

const MODALITIES = ['CT', 'MR', 'US', 'CR', 'DX', 'MG', 'PT', 'NM'];
const PARTS = ['HEAD', 'CHEST', 'ABDOMEN', 'KNEE', 'SPINE', 'PELVIS', 'HAND', 'BREAST'];
const PLACES = ['Mercy Hospital', 'Northside Clinic', 'St. Anne Imaging', 'City General', 'Lakeside Radiology'];
const PEOPLE = [['DOE^JANE', '19800412'], ['DOE^JOHN', '19781103'], ['DOE^EMMA', '20100621'], ['DOE^LIAM', '20130209']] as const;

const uid = (): string => `2.25.${BigInt(`0x${randomBytes(15).toString('hex')}`).toString()}`;

/** Inserts `count` studies spread over four people, five facilities and `count / 50` imports. Returns the study ids. */
export function insertBulkStudies(db: WritableDB, count: number): number[] {
  const now = new Date().toISOString();
  const patient = db.prepare('INSERT INTO patients (patient_key, dicom_patient_id, name, birth_date, sex, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const person = db.prepare('INSERT INTO persons (created_at) VALUES (?)');
  const link = db.prepare("INSERT INTO person_records (patient_id, person_id, match_key, linked_by, linked_at) VALUES (?, ?, NULL, 'auto', ?)");
  const study = db.prepare('INSERT INTO studies (patient_id, study_uid, study_date, study_time, description, institution, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const series = db.prepare('INSERT INTO series (study_id, series_uid, modality, body_part, description, series_number) VALUES (?, ?, ?, ?, ?, 1)');
  const blob = db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, ?, ?, ?)');
  const instance = db.prepare(`INSERT INTO instances (series_id, sop_instance_uid, sop_class_uid, instance_number, rows, columns, transfer_syntax,
    blob_id, sha256_file, pixel_digest_status, created_at) VALUES (?, ?, '1.2.840.10008.5.1.4.1.1.2', 1, 512, 512, '1.2.840.10008.1.2.1', ?, ?, 'done', ?)`);
  const batch = db.prepare("INSERT INTO import_batches (source_label, source_kind, received_date, started_at, finished_at, status) VALUES (?, 'folder', '2024-03-20', ?, ?, 'done')");
  const file = db.prepare("INSERT INTO import_files (batch_id, relative_path, size, outcome, sha256_file, instance_id, created_at) VALUES (?, ?, 525000, 'imported', ?, ?, ?)");

  // Each person has a record at two facilities (two patient IDs), as families' records do.
  const records: number[] = [];
  PEOPLE.forEach(([name, born], p) => {
    const personId = Number(person.run(now).lastInsertRowid);
    for (let r = 0; r < 2; r++) {
      const id = Number(patient.run(`bulk-${p}-${r}-${randomBytes(4).toString('hex')}`, `MRN-${p}${r}`, name, born, p % 2 ? 'M' : 'F', now).lastInsertRowid);
      link.run(id, personId, now);
      records.push(id);
    }
  });
  const ids: number[] = [];
  let batchId = 0;
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) batchId = Number(batch.run(`CD ${Math.floor(i / 50) + 1} from ${PLACES[i % PLACES.length]}`, now, now).lastInsertRowid);
    const modality = MODALITIES[i % MODALITIES.length]!;
    const part = PARTS[(i * 7) % PARTS.length]!;
    const day = new Date(Date.UTC(2000, 0, 1) + ((i * 7919) % 9000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const studyId = Number(study.run(records[i % records.length]!, uid(), day, '101500', `${modality} ${part} ${i}`, PLACES[(i * 3) % PLACES.length]!, now).lastInsertRowid);
    const seriesId = Number(series.run(studyId, uid(), modality, part, `${part} AXIAL`).lastInsertRowid);
    const blobId = randomBytes(16).toString('hex');
    const sha = createHash('sha256').update(blobId).digest();
    blob.run(blobId, 525000, sha, now);
    const instanceId = Number(instance.run(seriesId, uid(), blobId, sha, now).lastInsertRowid);
    file.run(batchId, `IMG${i}`, sha, instanceId, now);
    ids.push(studyId);
  }
  return ids;
}
