/** Where an instance's file came from (each import that brought it) and its three digests. */
import type { InstanceProvenance } from '../../../shared/api/details';
import type { InstanceDetailsRow, InstanceImportRow } from '../db/details';

/** The panel shows at most this many frame digests; frameCount says how many exist. */
export const MAX_FRAME_DIGESTS_SHOWN = 64;

export function toProvenance(row: InstanceDetailsRow, imports: InstanceImportRow[]): InstanceProvenance {
  const digests = row.frameDigests ?? Buffer.alloc(0);
  const frameCount = Math.floor(digests.length / 32);
  const frameDigests: string[] = [];
  for (let i = 0; i < Math.min(frameCount, MAX_FRAME_DIGESTS_SHOWN); i++) frameDigests.push(digests.subarray(i * 32, i * 32 + 32).toString('hex'));
  return {
    imports: imports.map((r) => ({
      sourceLabel: r.sourceLabel, sourceKind: r.sourceKind, receivedDate: r.receivedDate, handedOverBy: r.handedOverBy,
      importedAt: r.startedAt, finishedAt: r.finishedAt, status: r.status, originalPath: r.relativePath, outcome: r.outcome,
    })),
    fileSha256: row.sha256File.toString('hex'),
    datasetSha256: row.sha256Dataset?.toString('hex') ?? null,
    pixel: { status: row.pixelDigestStatus, frameDigests, frameCount },
    size: row.size,
    transferSyntax: row.transferSyntax,
  };
}
