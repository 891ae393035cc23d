import type { OpenVault } from '../../core/vault/vault';

/** What an import stored, without its random blob ids and timestamps. */
export function storedContents(vault: OpenVault): unknown {
  const rows = (sql: string): unknown[] => vault.db.prepare(sql).all();
  return {
    instances: rows(`SELECT sop_instance_uid, sop_class_uid, instance_number, rows, columns, frames, transfer_syntax, hex(sha256_file) AS f,
      hex(sha256_dataset) AS d, pixel_digest_status, hex(frame_digests) AS fd, conflict_group FROM instances ORDER BY f`),
    attachments: rows('SELECT kind, title, hex(sha256_file) AS f, study_id IS NULL AS loose FROM attachments ORDER BY f'),
    blobs: rows('SELECT size, hex(sha256) AS s FROM blobs ORDER BY s'),
    files: rows(`SELECT relative_path, size, outcome, reason, transfer_syntax, parse_warnings, hex(sha256_file) AS f,
      instance_id IS NULL AS noInstance, attachment_id IS NULL AS noAttachment FROM import_files ORDER BY relative_path`),
    series: rows('SELECT COUNT(*) AS n FROM series'),
  };
}
