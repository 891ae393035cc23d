/** Where the open file came from (each import that brought it) and its three fingerprints, explained. */
import { useCallback } from 'react';
import type { InstanceProvenance } from '../../../../../shared/api/details';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatBytes } from '../../../format';
import { useInstanceQuery } from './use-instance-query';
import { useApi } from '../../../services';
import { formatTimestamp, groupHex, outcomeWords, PIXEL_STATUS_WORDS, SOURCE_KIND_WORDS } from './provenance-words';

export function ProvenancePanel({ instanceId }: { instanceId: number }) {
  const api = useApi();
  const load = useCallback((id: number) => api.getInstanceProvenance({ instanceId: id }), [api]);
  const { data, error } = useInstanceQuery(instanceId, load);

  return (
    <section className="details-section provenance" aria-label="Where it came from">
      <ErrorAlert message={error} />
      {data === null && error === null && <p className="details-muted" role="status">Looking up where this file came from…</p>}
      {data !== null && <Provenance data={data} />}
    </section>
  );
}

function Provenance({ data }: { data: InstanceProvenance }) {
  return (
    <>
      <h3>Imports that brought this file</h3>
      {data.imports.length === 0 && <p>No import is recorded for this file.</p>}
      <ol className="provenance-imports">
        {data.imports.map((imp, i) => (
          <li key={i}>
            <p className="provenance-source"><bdi>{imp.sourceLabel}</bdi></p>
            <dl className="details-facts">
              <div><dt>Kind of source</dt><dd>{SOURCE_KIND_WORDS[imp.sourceKind]}</dd></div>
              <div><dt>Received</dt><dd>{imp.receivedDate ?? 'Not recorded'}</dd></div>
              <div><dt>Handed over by</dt><dd>{imp.handedOverBy ?? 'Not recorded'}</dd></div>
              <div><dt>Imported</dt><dd>{formatTimestamp(imp.importedAt)}{imp.status !== 'done' && imp.status !== 'running' ? ` (the import was ${imp.status})` : ''}</dd></div>
              <div><dt>Place in the source</dt><dd className="mono"><bdi>{imp.originalPath}</bdi></dd></div>
            </dl>
            <p className="details-muted">{outcomeWords(imp.outcome)}</p>
          </li>
        ))}
      </ol>
      <h3>Fingerprints</h3>
      <p className="details-muted">
        A fingerprint (SHA-256) is a short code computed from the data. The same data always gives the same code, and any change gives a
        different one, so you or a doctor can check that a copy is exactly what was received.
      </p>
      <dl className="details-facts provenance-digests">
        <div>
          <dt>Whole file</dt>
          <dd><span className="mono digest">{groupHex(data.fileSha256)}</span><span className="details-muted">Proves this is byte for byte the file that was imported ({formatBytes(data.size)}).</span></dd>
        </div>
        <div>
          <dt>Medical contents</dt>
          <dd>
            {data.datasetSha256 !== null ? <span className="mono digest">{groupHex(data.datasetSha256)}</span> : <span>Not recorded.</span>}
            <span className="details-muted">The same for the contents without the file’s outer header, which copying programs sometimes rewrite.</span>
          </dd>
        </div>
        <div>
          <dt>Picture</dt>
          <dd>
            <span>{PIXEL_STATUS_WORDS[data.pixel.status]}</span>
            {data.pixel.frameDigests.length > 0 && (
              <ol className="provenance-frames" aria-label="Picture fingerprints, one per frame">
                {data.pixel.frameDigests.map((d, i) => <li key={i}><span className="mono digest">{groupHex(d)}</span></li>)}
              </ol>
            )}
            {data.pixel.frameCount > data.pixel.frameDigests.length && <span className="details-muted">The first {data.pixel.frameDigests.length} of {data.pixel.frameCount} frames are shown.</span>}
            <span className="details-muted">Computed from the decoded picture, one per frame: it stays the same when a copy was only re-compressed without loss.</span>
          </dd>
        </div>
      </dl>
    </>
  );
}
