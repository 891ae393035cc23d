/**
 * One component for the study screen to place beside the viewport: tabs "Attributes" (the tag
 * browser) and "Where it came from" (provenance) for the open instance. WAI-ARIA tabs: arrow
 * keys, Home and End move between tabs.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ProvenancePanel } from './ProvenancePanel';
import { TagBrowser } from './TagBrowser';

const TABS = [
  { key: 'attributes', label: 'Attributes' },
  { key: 'provenance', label: 'Where it came from' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function DetailsPanel({ instanceId, initialTab = 'attributes' }: { instanceId: number; initialTab?: TabKey }) {
  const baseId = useId();
  const [tab, setTab] = useState<TabKey>(initialTab);
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = TABS.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key];
    const target = next === undefined ? undefined : TABS[next];
    if (target === undefined) return;
    e.preventDefault();
    setTab(target.key);
    tabRefs.current.get(target.key)?.focus();
  };

  return (
    <section className="details-panel" aria-label="Details">
      <div role="tablist" aria-label="Details of this image" className="details-tabs">
        {TABS.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => { if (el) tabRefs.current.set(t.key, el); }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`${baseId}-panel-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.key} role="tabpanel" id={`${baseId}-panel-${t.key}`} aria-labelledby={`${baseId}-tab-${t.key}`} hidden={tab !== t.key} className="details-tabpanel">
          {tab === t.key && (t.key === 'attributes' ? <TagBrowser instanceId={instanceId} /> : <ProvenancePanel instanceId={instanceId} />)}
        </div>
      ))}
    </section>
  );
}
