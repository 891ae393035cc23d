import { modalityLabel } from '../format';

/** Scan-type codes (CT, MR…) as small badges; hovering or reading aloud gives the plain words. */
export function ModalityBadges({ codes }: { codes: readonly string[] }) {
  if (codes.length === 0) return null;
  return (
    <ul className="badges" aria-label="Kinds of scan">
      {codes.map((code) => (
        <li key={code} className="badge">
          <abbr title={modalityLabel(code)}>{code}</abbr>
          <span className="badge-words"> {modalityLabel(code)}</span>
        </li>
      ))}
    </ul>
  );
}
