import { useEffect, useRef } from 'react';
import { SHORTCUTS, type Shortcut } from './keymap';

const GROUPS: Shortcut['group'][] = ['Tools', 'Moving through pictures', 'View', 'Windows', 'Screen'];

/** "?" opens this list of every key; Esc or the button closes it and focus goes back. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="viewer-help-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => { if (e.key === 'Escape' || e.key === '?') { e.preventDefault(); e.stopPropagation(); onClose(); } }}
      >
        <div className="help-head">
          <h2 id="viewer-help-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="viewer-button" onClick={onClose}>Close</button>
        </div>
        <p className="help-note">Mouse: the left button uses the chosen tool, the right button zooms, the middle button moves the picture, the wheel goes through the pictures.</p>
        <div className="help-groups">
          {GROUPS.map((group) => (
            <section key={group} aria-labelledby={`help-${group.replace(/\s/g, '-')}`}>
              <h3 id={`help-${group.replace(/\s/g, '-')}`}>{group}</h3>
              <dl>
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <div key={s.keys} className="help-row"><dt><kbd>{s.keys}</kbd></dt><dd>{s.description}</dd></div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
