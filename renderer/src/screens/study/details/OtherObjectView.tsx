/** A stored object ScanVault cannot show (RT plans, presentation states, raw data...): what it is, in plain words. */
import { sopClassWords } from '../../../../../shared/standards/sop-classes';

export function OtherObjectView({ sopClassUid }: { sopClassUid: string | null }) {
  const words = sopClassWords(sopClassUid);
  return (
    <section className="details-section other-object" aria-label="About this object">
      <h3>{words.name}</h3>
      <p>{words.about}</p>
      <p>
        ScanVault keeps this file safely in your vault, exactly as you received it, but cannot show its contents.
        Software at a hospital or clinic that made it can open it; you can share it with them as it is.
      </p>
      <p className="details-muted">You can still read its details under “Attributes”.</p>
      {sopClassUid !== null && <p className="details-muted">Technical kind (SOP class): <span className="mono">{sopClassUid}</span></p>}
    </section>
  );
}
