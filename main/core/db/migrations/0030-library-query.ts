import type { Migration } from './migration';

/**
 * The library query at scale. `study_batches` says which imports brought pictures of which study,
 * so a search or filter by source needs one small index lookup per study instead of a walk over
 * every instance's import rows. A trigger keeps it up to date on every import row an import
 * writes (whoever writes it); removal deletes its rows in the same transaction (db/removal.ts).
 * The indexes serve the filters and the date sort.
 */
const SQL = `
CREATE TABLE study_batches (
  study_id INTEGER NOT NULL REFERENCES studies(id),
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  PRIMARY KEY (study_id, batch_id)
) STRICT;
CREATE INDEX study_batches_batch_id ON study_batches(batch_id);

CREATE TRIGGER import_files_study_batches AFTER INSERT ON import_files
WHEN NEW.instance_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO study_batches (study_id, batch_id)
  SELECT se.study_id, NEW.batch_id FROM instances i JOIN series se ON se.id = i.series_id WHERE i.id = NEW.instance_id;
END;

INSERT OR IGNORE INTO study_batches (study_id, batch_id)
SELECT DISTINCT se.study_id, f.batch_id FROM import_files f
JOIN instances i ON i.id = f.instance_id JOIN series se ON se.id = i.series_id;

CREATE INDEX studies_date ON studies(study_date, id);
CREATE INDEX studies_institution ON studies(institution) WHERE institution IS NOT NULL;
CREATE INDEX series_modality ON series(modality, study_id) WHERE modality IS NOT NULL;
`;

export const migration0030: Migration = {
  version: 30,
  name: 'library-query',
  up(db) {
    db.exec(SQL);
  },
};
