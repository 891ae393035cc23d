import type { Migration } from './migration';

/**
 * Sharing (issue #8): the share log (the patient's accounting of disclosures, 45 CFR 164.528
 * fields), what each share held, the per-share secret that new UIDs, the pseudonym and the date
 * shift are derived from, documents attached to shares made outside the app, and the vault's
 * Ed25519 signing key for export manifests. Private key and secrets sit in the encrypted database.
 * Items keep UIDs and labels as text, not row ids: the accounting must outlive a removed study.
 */
const DATE = (col: string): string => `CHECK (${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

const SQL = `
CREATE TABLE share_signing_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  private_key BLOB NOT NULL,
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE share_documents (
  id INTEGER PRIMARY KEY,
  blob_id TEXT NOT NULL UNIQUE REFERENCES blobs(id),
  media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256_file BLOB NOT NULL CHECK (length(sha256_file) = 32),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE shares (
  id INTEGER PRIMARY KEY,
  share_date TEXT NOT NULL ${DATE('share_date')},
  recipient_name TEXT NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
  recipient_role TEXT,
  recipient_org TEXT,
  recipient_contact TEXT,
  purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  method TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 200),
  outside INTEGER NOT NULL CHECK (outside IN (0, 1)),
  identified INTEGER NOT NULL CHECK (identified IN (0, 1)),
  profile TEXT,
  options TEXT NOT NULL CHECK (json_valid(options) AND json_type(options) = 'array'),
  burned_in TEXT CHECK (burned_in IS NULL OR burned_in IN ('hold', 'exclude', 'mask', 'trust-headers')),
  package_sha256 TEXT CHECK (package_sha256 IS NULL OR (length(package_sha256) = 64 AND package_sha256 NOT GLOB '*[^0-9a-f]*')),
  pseudonym TEXT,
  secret BLOB CHECK (secret IS NULL OR length(secret) = 32),
  follow_up_of INTEGER REFERENCES shares(id),
  file_count INTEGER CHECK (file_count IS NULL OR file_count >= 0),
  anchor TEXT,
  note TEXT,
  document_id INTEGER REFERENCES share_documents(id),
  created_at TEXT NOT NULL,
  CHECK (outside = 1 OR package_sha256 IS NOT NULL),
  CHECK (identified = 0 OR secret IS NULL)
) STRICT;

CREATE TABLE share_persons (
  share_id INTEGER NOT NULL REFERENCES shares(id),
  person_id INTEGER NOT NULL,
  PRIMARY KEY (share_id, person_id)
) STRICT;
CREATE INDEX share_persons_person_id ON share_persons(person_id);

CREATE TABLE share_items (
  id INTEGER PRIMARY KEY,
  share_id INTEGER NOT NULL REFERENCES shares(id),
  level TEXT NOT NULL CHECK (level IN ('patient', 'study', 'series', 'instance')),
  uid TEXT NOT NULL,
  label TEXT
) STRICT;
CREATE INDEX share_items_share_id ON share_items(share_id);
`;

export const migration0050: Migration = {
  version: 50,
  name: 'shares',
  up(db) {
    db.exec(SQL);
  },
};
