import type { Measurement } from '../../viewer/cornerstone/measurement-text';

interface Props {
  measurements: readonly Measurement[];
  onRemove: (uid: string) => void;
  onRemoveAll: () => void;
}

/** The measurements drawn so far (they last while the study is open, and are not saved). */
export function MeasurementList({ measurements, onRemove, onRemoveAll }: Props) {
  return (
    <section className="measurements" aria-labelledby="measurements-title">
      <h2 id="measurements-title">Measurements</h2>
      {measurements.length === 0 ? (
        <p className="muted-dark">None yet. Choose Length, Angle, Oval area or Box area, then draw on the picture. Measurements are not saved when you close the study.</p>
      ) : (
        <>
          <ul>
            {measurements.map((m) => (
              <li key={m.uid}>
                <span data-testid="measurement">{m.text}</span>
                <button type="button" className="viewer-button viewer-button-small" aria-label={`Remove ${m.text}`} onClick={() => onRemove(m.uid)}>Remove</button>
              </li>
            ))}
          </ul>
          <button type="button" className="viewer-button viewer-button-small" onClick={onRemoveAll}>Remove all measurements</button>
        </>
      )}
    </section>
  );
}
