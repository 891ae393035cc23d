import type { Migration } from './migration';

/**
 * The AI-use record (issue #9). Exams belong to a person and may link one imported study; every
 * study gets an exam: existing ones here (backfill), new ones through the trigger in the same
 * transaction that inserts the study, so the import pipeline needs no change. Answers keep every
 * version: a new version sets `superseded_at` on the one before, nothing is overwritten.
 * Documents point at an encrypted blob and at exactly one owner (exam or answer, provider, letter).
 */
const DATE = (col: string): string => `CHECK (${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

/*
 * Facility names match trimmed and case-insensitively. SQLite's lower() folds ASCII only; that is
 * enough for Institution Name (DICOM LO, almost always ASCII) and keeps this in SQL, where the
 * trigger runs inside the import's own statement.
 */
const NAME_KEY = (expr: string): string => `lower(trim(${expr}))`;
const HAS_INSTITUTION = `trim(COALESCE(NEW.institution, '')) <> ''`;
const FACILITY_BY_NAME = (expr: string): string =>
  `(SELECT f.id FROM ai_providers f WHERE f.kind = 'facility' AND ${NAME_KEY('f.name')} = ${NAME_KEY(expr)} ORDER BY f.id LIMIT 1)`;
const FACILITY_OF_NEW = FACILITY_BY_NAME('NEW.institution');
const ENSURE_FACILITY = `INSERT INTO ai_providers (kind, name, created_at, updated_at)
    SELECT 'facility', substr(trim(NEW.institution), 1, 200), NEW.created_at, NEW.created_at
    WHERE ${HAS_INSTITUTION} AND ${FACILITY_OF_NEW} IS NULL;`;

const SQL = `
CREATE TABLE ai_providers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('facility', 'ai-vendor')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  contact TEXT,
  privacy_officer TEXT,
  ai_statement TEXT,
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE ai_exams (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  study_id INTEGER UNIQUE REFERENCES studies(id) ON DELETE SET NULL,
  origin TEXT NOT NULL CHECK (origin IN ('planned', 'import')),
  planned_date TEXT ${DATE('planned_date')},
  facility_id INTEGER REFERENCES ai_providers(id),
  modality TEXT,
  body_part TEXT,
  ordering_provider TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX ai_exams_person_id ON ai_exams(person_id);
CREATE INDEX ai_exams_facility_id ON ai_exams(facility_id) WHERE facility_id IS NOT NULL;

CREATE TABLE ai_answers (
  id INTEGER PRIMARY KEY,
  exam_id INTEGER NOT NULL REFERENCES ai_exams(id),
  question_id TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 80),
  value TEXT NOT NULL CHECK (json_valid(value)),
  detail TEXT,
  detail_date TEXT ${DATE('detail_date')},
  answered_by TEXT,
  role TEXT,
  org TEXT,
  how TEXT CHECK (how IS NULL OR how IN ('in-person', 'phone', 'portal', 'email', 'letter', 'document', 'other')),
  answered_on TEXT ${DATE('answered_on')},
  quote TEXT,
  notes TEXT,
  carried_from INTEGER REFERENCES ai_answers(id),
  recorded_at TEXT NOT NULL,
  superseded_at TEXT
) STRICT;
CREATE INDEX ai_answers_exam_question ON ai_answers(exam_id, question_id, id);
CREATE UNIQUE INDEX ai_answers_current ON ai_answers(exam_id, question_id) WHERE superseded_at IS NULL;

CREATE TABLE ai_follow_ups (
  exam_id INTEGER NOT NULL REFERENCES ai_exams(id),
  question_id TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 80),
  due_date TEXT NOT NULL ${DATE('due_date')},
  created_at TEXT NOT NULL,
  PRIMARY KEY (exam_id, question_id)
) STRICT;

CREATE TABLE ai_letters (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ai-inquiry', 'accounting', 'access', 'restriction', 'complaint')),
  exam_id INTEGER REFERENCES ai_exams(id),
  recipient_id INTEGER REFERENCES ai_providers(id),
  draft TEXT NOT NULL CHECK (json_valid(draft) AND json_type(draft) = 'object'),
  sent_date TEXT ${DATE('sent_date')},
  sent_method TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((sent_date IS NULL) = (sent_method IS NULL))
) STRICT;
CREATE INDEX ai_letters_exam_id ON ai_letters(exam_id) WHERE exam_id IS NOT NULL;

CREATE TABLE ai_documents (
  id INTEGER PRIMARY KEY,
  blob_id TEXT NOT NULL UNIQUE REFERENCES blobs(id),
  exam_id INTEGER REFERENCES ai_exams(id),
  question_id TEXT CHECK (question_id IS NULL OR length(question_id) BETWEEN 1 AND 80),
  provider_id INTEGER REFERENCES ai_providers(id),
  letter_id INTEGER REFERENCES ai_letters(id),
  doc_kind TEXT NOT NULL CHECK (doc_kind IN ('consent-form', 'privacy-notice', 'letter-received', 'photo', 'other')),
  title TEXT,
  media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256_file BLOB NOT NULL CHECK (length(sha256_file) = 32),
  created_at TEXT NOT NULL,
  CHECK ((exam_id IS NOT NULL) + (provider_id IS NOT NULL) + (letter_id IS NOT NULL) = 1),
  CHECK (question_id IS NULL OR exam_id IS NOT NULL)
) STRICT;
CREATE INDEX ai_documents_exam_id ON ai_documents(exam_id) WHERE exam_id IS NOT NULL;
CREATE INDEX ai_documents_provider_id ON ai_documents(provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX ai_documents_letter_id ON ai_documents(letter_id) WHERE letter_id IS NOT NULL;

CREATE TABLE ai_document_passages (
  document_id INTEGER PRIMARY KEY REFERENCES ai_documents(id),
  status TEXT NOT NULL CHECK (status IN ('found', 'failed')),
  method TEXT CHECK (method IS NULL OR method IN ('pdf-text', 'ocr')),
  page_count INTEGER NOT NULL CHECK (page_count >= 0),
  passages TEXT NOT NULL CHECK (json_valid(passages) AND json_type(passages) = 'array'),
  read_at TEXT NOT NULL
) STRICT;

-- Every new study gets an exam of its person, in the import's own transaction, at the facility
-- its Institution Name names (found by name, trimmed and case-insensitive, or created).
CREATE TRIGGER studies_ai_exam AFTER INSERT ON studies
BEGIN
  ${ENSURE_FACILITY}
  INSERT INTO ai_exams (person_id, study_id, origin, facility_id, created_at, updated_at)
  SELECT pr.person_id, NEW.id, 'import', ${FACILITY_OF_NEW}, NEW.created_at, NEW.created_at
  FROM person_records pr WHERE pr.patient_id = NEW.patient_id;
END;

-- A later file of the study may bring the institution the first one lacked (import fills gaps).
CREATE TRIGGER studies_ai_exam_facility AFTER UPDATE OF institution ON studies
  WHEN OLD.institution IS NULL AND ${HAS_INSTITUTION}
BEGIN
  ${ENSURE_FACILITY}
  UPDATE ai_exams SET facility_id = ${FACILITY_OF_NEW}
  WHERE study_id = NEW.id AND origin = 'import' AND facility_id IS NULL;
END;
`;

export const migration0040: Migration = {
  version: 40,
  name: 'ai-record',
  up(db) {
    db.exec(SQL);
    // Backfill: a facility for each institution named by a study imported before this version (the
    // first spelling seen), then every such study gets its exam, at that facility.
    db.prepare(`INSERT INTO ai_providers (kind, name, created_at, updated_at)
      SELECT 'facility', substr(trim(institution), 1, 200), created_at, created_at FROM studies
      WHERE id IN (SELECT min(id) FROM studies WHERE trim(COALESCE(institution, '')) <> '' GROUP BY ${NAME_KEY('institution')})
      ORDER BY id`).run();
    db.prepare(`INSERT INTO ai_exams (person_id, study_id, origin, facility_id, created_at, updated_at)
      SELECT pr.person_id, s.id, 'import', ${FACILITY_BY_NAME('s.institution')}, s.created_at, s.created_at
      FROM studies s JOIN person_records pr ON pr.patient_id = s.patient_id
      WHERE NOT EXISTS (SELECT 1 FROM ai_exams e WHERE e.study_id = s.id)
      ORDER BY s.id`).run();
  },
};
