/**
 * Recognising a copy of one of the vault's own de-identified exports: every UID in a share was made
 * from an original UID with that share's secret (deid/keyed.ts), so the vault can remake them and
 * map back. Built once per lookup function, on first use (one HMAC per shared instance).
 */
import { exportedShareSecrets, instancesOfSelection, seriesByUid } from '../db/shares';
import type { VaultDatabase } from '../db/database';
import { asShareSecret, shareKeys } from './deid';

export type ExportedUidLookup = (uid: string) => string | null;

function buildMap(db: VaultDatabase): Map<string, string> {
  const map = new Map<string, string>();
  for (const share of exportedShareSecrets(db)) {
    const keys = shareKeys(asShareSecret(share.secret));
    const instances = share.studyUids.length > 0 ? instancesOfSelection(db, share.studyUids, []) : [];
    for (const series of seriesByUid(db, share.seriesUids)) instances.push(...instancesOfSelection(db, [series.studyUid], [series.seriesUid]));
    for (const instance of instances) map.set(keys.uid(instance.sopInstanceUid), instance.sopInstanceUid);
  }
  return map;
}

/** A lookup from a UID a share made to the original SOP Instance UID; null when no share of this vault made it. */
export function exportedUidLookup(db: () => VaultDatabase): ExportedUidLookup {
  let map: Map<string, string> | null = null;
  return (uid) => {
    map ??= buildMap(db());
    return map.get(uid) ?? null;
  };
}
