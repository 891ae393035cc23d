/**
 * Removing a study, a series or a whole import: a preview that says exactly what goes (with a
 * fingerprint of that set), then the removal, refused when the set differs from the preview's.
 * Rows go in one scheduled write with the log event; the encrypted files are deleted after the
 * commit, so a crash in between only leaves orphan files (swept at the next unlock, reported by
 * "Check vault" until then) and never rows without their files.
 */
import { createHash } from 'node:crypto';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { RemovalTarget } from '../../../shared/api/library-query';
import { CoreError } from '../core-error';
import { applyRemoval, removalSet, targetExists, type RemovalSet } from '../db/removal';
import type { JobRunner } from '../jobs/job-runner';
import { appendEvent } from '../vault/event-log';
import type { OpenVault } from '../vault/vault';

type Preview = ApiOutput<'previewRemoval'>;

/** Everything the removal would touch, in a stable order: any change gives another fingerprint. */
export function fingerprintOf(target: RemovalTarget, set: RemovalSet): string {
  const { instanceIds, attachmentIds, seriesIds, studyIds, patientIds, batchId, blobs } = set;
  return createHash('sha256')
    .update(JSON.stringify({ target, instanceIds, attachmentIds, seriesIds, studyIds, patientIds, batchId, blobs: blobs.map((b) => b.id) }))
    .digest('hex');
}

function summary(target: RemovalTarget, set: RemovalSet): Omit<Preview, 'fingerprint' | 'keptBecauseElsewhere'> {
  return {
    target,
    studies: set.studyIds.length,
    series: set.seriesIds.length,
    pictures: set.instanceIds.length,
    reports: set.attachmentIds.length,
    bytes: set.blobs.reduce((n, b) => n + b.size, 0),
    sources: set.sources,
    records: set.patientIds.length,
  };
}

export class RemovalFeature {
  constructor(private readonly vault: () => OpenVault, private readonly jobs: JobRunner) {}

  async previewRemoval(target: ApiParsedInput<'previewRemoval'>): Promise<Preview> {
    const set = this.setOf(this.vault(), target);
    return { ...summary(target, set), keptBecauseElsewhere: set.keptBecauseElsewhere, fingerprint: fingerprintOf(target, set) };
  }

  async removeFromVault(input: ApiParsedInput<'removeFromVault'>): Promise<ApiOutput<'removeFromVault'>> {
    // An import running now may be filing pictures into what would be removed.
    if (this.jobs.active) throw new CoreError('JOB_RUNNING');
    const vault = this.vault();
    const { target } = input;
    // The set is counted again inside the write, so nothing can change between the check and the delete.
    const set = await vault.writes.run((db) => {
      const now = this.setOf(vault, target);
      if (fingerprintOf(target, now) !== input.fingerprint) throw new CoreError('STALE_PREVIEW');
      applyRemoval(db, now);
      const s = summary(target, now);
      // What and how much, never names, UIDs, descriptions or source labels.
      appendEvent(db, 'removal', { what: target.kind, studies: s.studies, series: s.series, pictures: s.pictures, reports: s.reports, records: s.records, bytes: s.bytes });
      return now;
    });
    let filesLeft = 0;
    for (const blob of set.blobs) {
      try {
        await vault.blobs.delete(blob.id);
      } catch {
        filesLeft += 1; // no row names it any more: the next unlock sweeps it
      }
    }
    return { ...summary(target, set), filesLeft };
  }

  private setOf(vault: OpenVault, target: RemovalTarget): RemovalSet {
    if (!targetExists(vault.db, target.kind, target.id)) throw new CoreError('NOT_FOUND');
    return removalSet(vault.db, target.kind, target.id);
  }
}
