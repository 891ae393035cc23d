import type { Migration } from './migration';

/**
 * Initial schema. Names are a contract with the import pipeline; do not rename.
 * STRICT tables reject values of the wrong type instead of silently storing them.
 * CHECKs pin enumerations and digest lengths (32-byte SHA-256) so bad rows fail early.
 */
const SQL = `
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  patient_key TEXT UNIQUE NOT NULL,
  dicom_patient_id TEXT,
  name TEXT,
  birth_date TEXT,
  sex TEXT,
  label TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE studies (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id),
  study_uid TEXT UNIQUE NOT NULL,
  study_date TEXT,
  study_time TEXT,
  description TEXT,
  accession TEXT,
  institution TEXT,
  referring_physician TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX studies_patient_id ON studies(patient_id);

CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  series_uid TEXT UNIQUE NOT NULL,
  modality TEXT,
  body_part TEXT,
  description TEXT,
  series_number INTEGER
) STRICT;
CREATE INDEX series_study_id ON series(study_id);

CREATE TABLE blobs (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32),
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 BLOB NOT NULL CHECK (length(sha256) = 32),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE instances (
  id INTEGER PRIMARY KEY,
  series_id INTEGER NOT NULL REFERENCES series(id),
  sop_instance_uid TEXT NOT NULL,
  sop_class_uid TEXT,
  instance_number INTEGER,
  rows INTEGER,
  columns INTEGER,
  frames INTEGER,
  transfer_syntax TEXT,
  blob_id TEXT NOT NULL UNIQUE REFERENCES blobs(id),
  sha256_file BLOB NOT NULL UNIQUE CHECK (length(sha256_file) = 32),
  sha256_dataset BLOB CHECK (sha256_dataset IS NULL OR length(sha256_dataset) = 32),
  pixel_digest_status TEXT NOT NULL CHECK (pixel_digest_status IN ('done', 'pending', 'none', 'failed')),
  frame_digests BLOB CHECK (frame_digests IS NULL OR length(frame_digests) % 32 = 0),
  conflict_group TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX instances_series_id ON instances(series_id);
CREATE INDEX instances_sop_instance_uid ON instances(sop_instance_uid);
CREATE INDEX instances_conflict_group ON instances(conflict_group) WHERE conflict_group IS NOT NULL;
CREATE INDEX instances_pending_digest ON instances(pixel_digest_status) WHERE pixel_digest_status = 'pending';

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  source_label TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('files', 'folder', 'zip', 'cd')),
  received_date TEXT,
  handed_over_by TEXT,
  medium TEXT CHECK (medium IS NULL OR json_valid(medium)),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'interrupted'))
) STRICT;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  study_id INTEGER REFERENCES studies(id),
  patient_id INTEGER REFERENCES patients(id),
  blob_id TEXT NOT NULL UNIQUE REFERENCES blobs(id),
  kind TEXT NOT NULL CHECK (kind IN ('pdf')),
  title TEXT,
  sha256_file BLOB NOT NULL CHECK (length(sha256_file) = 32),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_study_id ON attachments(study_id);
CREATE INDEX attachments_patient_id ON attachments(patient_id);
CREATE INDEX attachments_sha256_file ON attachments(sha256_file);

CREATE TABLE import_files (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  relative_path TEXT NOT NULL,
  size INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'seen-again', 'conflict', 'skipped', 'failed', 'attachment')),
  reason TEXT,
  transfer_syntax TEXT,
  parse_warnings TEXT CHECK (parse_warnings IS NULL OR json_valid(parse_warnings)),
  sha256_file BLOB CHECK (sha256_file IS NULL OR length(sha256_file) = 32),
  instance_id INTEGER REFERENCES instances(id),
  attachment_id INTEGER REFERENCES attachments(id),
  created_at TEXT NOT NULL,
  UNIQUE (batch_id, relative_path)
) STRICT;
CREATE INDEX import_files_instance_id ON import_files(instance_id);
CREATE INDEX import_files_attachment_id ON import_files(attachment_id);
CREATE INDEX import_files_sha256_file ON import_files(sha256_file);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  details TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
  hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX events_kind ON events(kind);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
`;

export const migration0010: Migration = {
  version: 10,
  name: 'initial-schema',
  up(db) {
    db.exec(SQL);
  },
};
