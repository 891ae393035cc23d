/**
 * SQL for sharing: what a selection holds, the identifiers the vault knows for the people in it,
 * the share log with its items, per-share secrets, share documents and the signing key.
 * Secrets and the private key are key material: never log them.
 */
import type { VaultDatabase, WritableDB } from './database';

export interface ShareInstanceRow {
  instanceId: number;
  blobId: string;
  size: number;
  sopInstanceUid: string;
  sopClassUid: string | null;
  seriesUid: string;
  studyUid: string;
  modality: string | null;
  frames: number | null;
  rows: number | null;
  columns: number | null;
  patientId: number;
}

interface InstanceDbRow {
  instance_id: number; blob_id: string; size: number; sop_instance_uid: string; sop_class_uid: string | null; series_uid: string;
  study_uid: string; modality: string | null; frames: number | null; rows: number | null; columns: number | null; patient_id: number;
}

const INSTANCE_SELECT = `SELECT i.id AS instance_id, i.blob_id, b.size, i.sop_instance_uid, i.sop_class_uid, se.series_uid, st.study_uid,
    se.modality, i.frames, i.rows, i.columns, st.patient_id
  FROM instances i JOIN blobs b ON b.id = i.blob_id JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id`;

const toInstance = (r: InstanceDbRow): ShareInstanceRow => ({
  instanceId: r.instance_id, blobId: r.blob_id, size: r.size, sopInstanceUid: r.sop_instance_uid, sopClassUid: r.sop_class_uid,
  seriesUid: r.series_uid, studyUid: r.study_uid, modality: r.modality, frames: r.frames, rows: r.rows, columns: r.columns, patientId: r.patient_id,
});

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export interface StudyRefRow { id: number; studyUid: string; date: string | null; description: string | null; modalities: string | null }

export function studiesByUid(db: VaultDatabase, studyUids: readonly string[]): StudyRefRow[] {
  if (studyUids.length === 0) return [];
  return db.prepare(`SELECT st.id, st.study_uid AS studyUid, st.study_date AS date, st.description,
      (SELECT group_concat(DISTINCT se.modality) FROM series se WHERE se.study_id = st.id) AS modalities
    FROM studies st WHERE st.study_uid IN (${placeholders(studyUids.length)}) ORDER BY st.study_date, st.id`).all(...studyUids) as StudyRefRow[];
}

export interface SeriesRefRow { seriesUid: string; studyUid: string; modality: string | null; description: string | null }

export function seriesByUid(db: VaultDatabase, seriesUids: readonly string[]): SeriesRefRow[] {
  if (seriesUids.length === 0) return [];
  return db.prepare(`SELECT se.series_uid AS seriesUid, st.study_uid AS studyUid, se.modality, se.description
    FROM series se JOIN studies st ON st.id = se.study_id WHERE se.series_uid IN (${placeholders(seriesUids.length)})`).all(...seriesUids) as SeriesRefRow[];
}

/** Every instance of the studies; narrowed to the series when any are named. Study, series, instance order. */
export function instancesOfSelection(db: VaultDatabase, studyUids: readonly string[], seriesUids: readonly string[]): ShareInstanceRow[] {
  const where = [`st.study_uid IN (${placeholders(studyUids.length)})`];
  if (seriesUids.length > 0) where.push(`se.series_uid IN (${placeholders(seriesUids.length)})`);
  const rows = db.prepare(`${INSTANCE_SELECT} WHERE ${where.join(' AND ')}
    ORDER BY st.study_date, st.id, se.series_number, se.id, i.instance_number, i.id`).all(...studyUids, ...seriesUids) as InstanceDbRow[];
  return rows.map(toInstance);
}

export function personIdsOfPatients(db: VaultDatabase, patientIds: readonly number[]): number[] {
  if (patientIds.length === 0) return [];
  return db.prepare(`SELECT DISTINCT person_id FROM person_records WHERE patient_id IN (${placeholders(patientIds.length)}) ORDER BY person_id`)
    .pluck().all(...patientIds) as number[];
}

export interface KnownIdentifierRows {
  names: string[]; ids: string[]; birthDates: string[]; accessions: string[]; institutions: string[];
}

/** What the index holds about every record of these people: names, IDs, birth dates, accessions, hospitals. */
export function indexedIdentifiers(db: VaultDatabase, personIds: readonly number[]): KnownIdentifierRows {
  const out: KnownIdentifierRows = { names: [], ids: [], birthDates: [], accessions: [], institutions: [] };
  if (personIds.length === 0) return out;
  const patients = db.prepare(`SELECT pa.name, pa.dicom_patient_id, pa.birth_date FROM patients pa JOIN person_records r ON r.patient_id = pa.id
    WHERE r.person_id IN (${placeholders(personIds.length)})`).all(...personIds) as { name: string | null; dicom_patient_id: string | null; birth_date: string | null }[];
  for (const p of patients) {
    if (p.name !== null) out.names.push(p.name);
    if (p.dicom_patient_id !== null) out.ids.push(p.dicom_patient_id);
    if (p.birth_date !== null) out.birthDates.push(p.birth_date);
  }
  const studies = db.prepare(`SELECT st.accession, st.institution FROM studies st JOIN person_records r ON r.patient_id = st.patient_id
    WHERE r.person_id IN (${placeholders(personIds.length)})`).all(...personIds) as { accession: string | null; institution: string | null }[];
  for (const s of studies) {
    if (s.accession !== null) out.accessions.push(s.accession);
    if (s.institution !== null) out.institutions.push(s.institution);
  }
  return out;
}

// ---- the signing key ----

export function readSigningKey(db: VaultDatabase): { privateKey: Buffer; publicKey: Buffer } | null {
  const row = db.prepare('SELECT private_key, public_key FROM share_signing_key WHERE id = 1').get() as { private_key: Buffer; public_key: Buffer } | undefined;
  return row === undefined ? null : { privateKey: row.private_key, publicKey: row.public_key };
}

/** Keeps an existing key (two first uses racing must not replace a key a manifest already names). */
export function insertSigningKeyIfMissing(db: WritableDB, privateKey: Buffer, publicKey: Buffer, now: string): void {
  db.prepare('INSERT OR IGNORE INTO share_signing_key (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?)').run(privateKey, publicKey, now);
}

// ---- shares ----

export interface NewShareRow {
  date: string;
  recipient: { name: string; role: string | null; org: string | null; contact: string | null };
  purpose: string;
  method: string;
  outside: boolean;
  identified: boolean;
  profile: string | null;
  options: readonly string[];
  burnedIn: string | null;
  packageSha256: string | null;
  pseudonym: string | null;
  secret: Buffer | null;
  followUpOf: number | null;
  fileCount: number | null;
  anchor: string | null;
  note: string | null;
  documentId: number | null;
  personIds: readonly number[];
  items: readonly { level: 'patient' | 'study' | 'series' | 'instance'; uid: string; label: string | null }[];
  now: string;
}

export function insertShare(db: WritableDB, s: NewShareRow): number {
  const id = Number(db.prepare(`INSERT INTO shares (share_date, recipient_name, recipient_role, recipient_org, recipient_contact, purpose, method,
      outside, identified, profile, options, burned_in, package_sha256, pseudonym, secret, follow_up_of, file_count, anchor, note, document_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    s.date, s.recipient.name, s.recipient.role, s.recipient.org, s.recipient.contact, s.purpose, s.method, s.outside ? 1 : 0, s.identified ? 1 : 0,
    s.profile, JSON.stringify(s.options), s.burnedIn, s.packageSha256, s.pseudonym, s.secret, s.followUpOf, s.fileCount, s.anchor, s.note, s.documentId, s.now,
  ).lastInsertRowid);
  const person = db.prepare('INSERT OR IGNORE INTO share_persons (share_id, person_id) VALUES (?, ?)');
  for (const personId of s.personIds) person.run(id, personId);
  const item = db.prepare('INSERT INTO share_items (share_id, level, uid, label) VALUES (?, ?, ?, ?)');
  for (const i of s.items) item.run(id, i.level, i.uid, i.label);
  return id;
}

/** The secret of an exported de-identified share, for a follow-up; null when there is none. */
export function shareSecret(db: VaultDatabase, shareId: number): Buffer | null {
  return (db.prepare('SELECT secret FROM shares WHERE id = ? AND outside = 0').pluck().get(shareId) as Buffer | null | undefined) ?? null;
}

/**
 * The people a share's studies belong to now, found through its items (studies and series) rather
 * than the people stored with it, which linking records may since have merged away; those stored
 * people when its studies are no longer in the vault.
 */
export function currentPersonsOfShare(db: VaultDatabase, shareId: number): number[] {
  const now = db.prepare(`SELECT DISTINCT r.person_id FROM share_items si
    JOIN studies st ON (si.level = 'study' AND st.study_uid = si.uid)
      OR (si.level = 'series' AND st.id = (SELECT se.study_id FROM series se WHERE se.series_uid = si.uid))
    JOIN person_records r ON r.patient_id = st.patient_id
    WHERE si.share_id = ? ORDER BY r.person_id`).pluck().all(shareId) as number[];
  return now.length > 0 ? now : db.prepare('SELECT person_id FROM share_persons WHERE share_id = ? ORDER BY person_id').pluck().all(shareId) as number[];
}

export function shareExists(db: VaultDatabase, shareId: number): boolean {
  return db.prepare('SELECT 1 FROM shares WHERE id = ?').get(shareId) !== undefined;
}

export interface ShareLogRow {
  id: number; date: string; recipient: { name: string; role: string | null; org: string | null; contact: string | null };
  purpose: string; method: string; outside: boolean; identified: boolean; profile: string | null; options: string[];
  packageSha256: string | null; pseudonym: string | null; fileCount: number | null; documentId: number | null; note: string | null;
  personIds: number[]; items: { level: 'patient' | 'study' | 'series' | 'instance'; uid: string; label: string | null }[];
}

interface ShareDbRow {
  id: number; share_date: string; recipient_name: string; recipient_role: string | null; recipient_org: string | null; recipient_contact: string | null;
  purpose: string; method: string; outside: number; identified: number; profile: string | null; options: string; package_sha256: string | null;
  pseudonym: string | null; file_count: number | null; document_id: number | null; note: string | null;
}

/** Newest first; personId narrows to the shares that concern that person. */
export function listShareRows(db: VaultDatabase, personId?: number): ShareLogRow[] {
  const rows = (personId === undefined
    ? db.prepare('SELECT * FROM shares ORDER BY share_date DESC, id DESC').all()
    : db.prepare('SELECT s.* FROM shares s WHERE s.id IN (SELECT share_id FROM share_persons WHERE person_id = ?) ORDER BY share_date DESC, id DESC').all(personId)) as ShareDbRow[];
  const persons = db.prepare('SELECT person_id FROM share_persons WHERE share_id = ? ORDER BY person_id').pluck();
  const items = db.prepare('SELECT level, uid, label FROM share_items WHERE share_id = ? ORDER BY id');
  return rows.map((r) => ({
    id: r.id, date: r.share_date,
    recipient: { name: r.recipient_name, role: r.recipient_role, org: r.recipient_org, contact: r.recipient_contact },
    purpose: r.purpose, method: r.method, outside: r.outside === 1, identified: r.identified === 1, profile: r.profile,
    options: JSON.parse(r.options) as string[], packageSha256: r.package_sha256, pseudonym: r.pseudonym, fileCount: r.file_count,
    documentId: r.document_id, note: r.note,
    personIds: persons.all(r.id) as number[],
    items: items.all(r.id) as ShareLogRow['items'],
  }));
}

export function insertShareDocument(db: WritableDB, d: { blobId: string; mediaType: string; size: number; sha256: Buffer; now: string }): number {
  return Number(db.prepare('INSERT INTO share_documents (blob_id, media_type, size, sha256_file, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(d.blobId, d.mediaType, d.size, d.sha256, d.now).lastInsertRowid);
}

/** Each de-identified export's secret with the studies and series it held (for recognising a copy of an export). */
export function exportedShareSecrets(db: VaultDatabase): { shareId: number; secret: Buffer; studyUids: string[]; seriesUids: string[] }[] {
  const shares = db.prepare('SELECT id, secret FROM shares WHERE outside = 0 AND secret IS NOT NULL ORDER BY id').all() as { id: number; secret: Buffer }[];
  const items = db.prepare("SELECT level, uid FROM share_items WHERE share_id = ? AND level IN ('study', 'series')");
  return shares.map((s) => {
    const rows = items.all(s.id) as { level: 'study' | 'series'; uid: string }[];
    return { shareId: s.id, secret: s.secret, studyUids: rows.filter((r) => r.level === 'study').map((r) => r.uid), seriesUids: rows.filter((r) => r.level === 'series').map((r) => r.uid) };
  });
}
