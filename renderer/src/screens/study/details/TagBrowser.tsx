/**
 * Every attribute of one image, as a keyboard-usable tree (WAI-ARIA tree pattern, flat rows with
 * aria-level), searchable by tag, keyword, name and value. Attributes that PS3.15 Table E.1-1
 * lists as able to identify the person carry a visible marker with words (never colour alone),
 * explained in the legend.
 */
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { InstanceAttributes } from '../../../../../shared/api/details';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useInstanceQuery } from './use-instance-query';
import { useApi } from '../../../services';
import { attributeRows, countIdentifying, treeKeyTarget, type AttributeRow } from './attribute-rows';

/** Rows rendered at once; a search narrows a larger list. */
const MAX_ROWS = 2000;

export function TagBrowser({ instanceId }: { instanceId: number }) {
  const api = useApi();
  const load = useCallback((id: number) => api.getInstanceAttributes({ instanceId: id }), [api]);
  const { data, error } = useInstanceQuery(instanceId, load);

  return (
    <section className="details-section tag-browser" aria-label="Attributes">
      <ErrorAlert message={error} />
      {data === null && error === null && <p className="details-muted" role="status">Reading the file’s attributes…</p>}
      {data !== null && <AttributeTree data={data} />}
    </section>
  );
}

function AttributeTree({ data }: { data: InstanceAttributes }) {
  const searchId = useId();
  const legendId = useId();
  const [query, setQuery] = useState('');
  const [identifyingOnly, setIdentifyingOnly] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const rows = useMemo(() => attributeRows(data.attributes, { expanded, query, identifyingOnly }), [data, expanded, query, identifyingOnly]);
  const shown = rows.slice(0, MAX_ROWS);
  const identifyingCount = useMemo(() => countIdentifying(data.attributes), [data]);
  const activeKey = shown.some((r) => r.key === focusKey) ? focusKey : shown[0]?.key ?? null;

  const toggle = (key: string, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      const willOpen = open ?? !next.has(key);
      if (willOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number, row: AttributeRow) => {
    if ((event.key === 'Enter' || event.key === ' ') && row.expandable) {
      event.preventDefault();
      toggle(row.key);
      return;
    }
    const target = treeKeyTarget(shown, index, event.key);
    if (target === null) return;
    event.preventDefault();
    if (target.toggle !== undefined) toggle(row.key, target.toggle === 'open');
    const key = shown[target.focus]?.key;
    if (key !== undefined) {
      setFocusKey(key);
      rowRefs.current.get(key)?.focus();
    }
  };

  return (
    <>
      <div className="tag-tools">
        <label htmlFor={searchId}>Search attributes</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Tag, name or value, e.g. 0010,0010 or birth" autoComplete="off" spellCheck={false} />
        <label className="tag-only">
          <input type="checkbox" checked={identifyingOnly} onChange={(e) => setIdentifyingOnly(e.target.checked)} />
          Only attributes that can identify you
        </label>
      </div>
      <p className="tag-legend" id={legendId}>
        <span className="idf-badge" aria-hidden="true">⚑ Can identify you</span>{' '}
        marks attributes that the DICOM standard (PS3.15, Table E.1-1) lists as able to identify a person: {identifyingCount} in this
        file, counting those inside groups. A copy shared with identifying details taken out has these removed or replaced.
      </p>
      {!data.complete && <p className="details-warning">The file ends early or is partly garbled: attributes after that point are missing. The stored file is kept unchanged.</p>}
      {data.limited && <p className="details-warning">This file has more attributes than can be listed here; the list stops after the first {MAX_ROWS.toLocaleString('en')}.</p>}
      <p className="details-muted" role="status" aria-live="polite">
        {query.trim() !== '' || identifyingOnly ? `${rows.filter((r) => r.kind === 'attribute' && r.match).length} matching attributes` : `${data.attributes.length} attributes at the top level; groups open with a click, Enter or the right arrow key`}
        {rows.length > MAX_ROWS ? `; showing the first ${MAX_ROWS.toLocaleString('en')} rows, narrow the search to see the rest` : ''}
      </p>
      {shown.length > 0 ? (
        <ul role="tree" aria-label="Attributes of this image" aria-describedby={legendId} className="tag-tree">
          {shown.map((row, index) => (
            <li
              key={row.key}
              ref={(el) => { if (el) rowRefs.current.set(row.key, el); else rowRefs.current.delete(row.key); }}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-expanded={row.expandable ? row.expanded : undefined}
              aria-selected={row.key === activeKey}
              tabIndex={row.key === activeKey ? 0 : -1}
              className={`tag-row depth-${Math.min(row.depth, 12)}${row.kind === 'attribute' && row.node.identifying ? ' identifying' : ''}${row.match ? ' match' : ''}`}
              onClick={() => { setFocusKey(row.key); if (row.expandable) toggle(row.key); }}
              onFocus={() => setFocusKey(row.key)}
              onKeyDown={(e) => onKeyDown(e, index, row)}
            >
              {row.kind === 'item' ? <ItemRow row={row} /> : <NodeRow row={row} />}
            </li>
          ))}
        </ul>
      ) : (
        <p>No attribute matches “{query}”. Try part of a name, a tag such as 0010,0010, or a value.</p>
      )}
    </>
  );
}

function Disclosure({ row }: { row: AttributeRow }) {
  if (!row.expandable) return <span className="tag-disclosure" aria-hidden="true" />;
  return <span className="tag-disclosure" aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>;
}

function ItemRow({ row }: { row: Extract<AttributeRow, { kind: 'item' }> }) {
  return (
    <span className="tag-line">
      <Disclosure row={row} />
      <span className="tag-item">Item {row.index + 1} of {row.count}</span>
    </span>
  );
}

function NodeRow({ row }: { row: Extract<AttributeRow, { kind: 'attribute' }> }) {
  const { node } = row;
  return (
    <span className="tag-line">
      <Disclosure row={row} />
      <span className="tag-tag">{node.tag}</span>
      <span className="tag-name">{node.name}{node.privateCreator !== null && <span className="tag-creator"> ({node.privateCreator})</span>}</span>
      <span className="tag-vr" title="Value representation">{node.vr ?? '??'}</span>
      <span className="tag-value">
        {node.value !== null ? <bdi>{node.value}</bdi> : <span className="details-muted">{node.note}</span>}
        {node.truncated && <span className="details-muted"> … (cut short: the value is longer)</span>}
      </span>
      {node.identifying && (
        <span className="tag-identifying">
          <span className="idf-badge">⚑ Can identify you</span>
          <span className="idf-reason">
            {node.identifying.reason}.{node.identifying.whenShared !== null && ` When shared without identifying details: ${node.identifying.whenShared}.`}
            {node.identifying.safePrivate && ' The standard lists this maker’s attribute as usually safe to keep.'}
          </span>
        </span>
      )}
    </span>
  );
}
