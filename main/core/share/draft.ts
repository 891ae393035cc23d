/**
 * A prepared share, kept in memory only (its identifiers and secret never touch disk) until it is
 * exported or discarded; every draft goes when the vault locks. The view the API returns is built
 * from it on demand, so the counts always follow the patient's decisions.
 */
import type { DeidOptionName } from '../../../shared/share/options';
import type { HeldBackItem, ShareDecision, ShareDraft, PrepareShareRequest } from '../../../shared/share/share-domain';
import { asShareSecret, buildTerms, makeProfile, shareKeys, type DeidContext, type PersonIdentifiers } from './deid';
import type { ShareInstanceRow } from '../db/shares';

export interface DraftItem { level: 'study' | 'series'; uid: string; label: string | null }

export interface Draft {
  draftId: string;
  request: PrepareShareRequest;
  /** 32 bytes for a de-identified share (a follow-up's is its earlier share's); null for identified. Never log this. */
  secret: Buffer | null;
  files: ShareInstanceRow[];
  heldBack: Map<number, HeldBackItem>;
  decisions: Map<number, ShareDecision>;
  /** Files that cannot go at all (unreadable), with a plain reason. */
  leftOut: { instanceId: number; sopInstanceUid: string; reason: string }[];
  personIds: number[];
  identifiers: PersonIdentifiers;
  items: DraftItem[];
  screened: { images: number; withText: number };
  screeningAvailable: boolean;
}

/** Whether a file leaves with the current decisions (held back without a release or mask decision: it stays). */
export function leaves(draft: Draft, instanceId: number): boolean {
  if (draft.leftOut.some((l) => l.instanceId === instanceId)) return false;
  if (!draft.heldBack.has(instanceId)) return true;
  const decision = draft.decisions.get(instanceId);
  return decision !== undefined && decision.action !== 'exclude';
}

export function leavingFiles(draft: Draft): ShareInstanceRow[] {
  return draft.files.filter((f) => leaves(draft, f.instanceId));
}

export function draftContext(draft: Draft): DeidContext | null {
  if (draft.secret === null) return null;
  const options: readonly DeidOptionName[] = draft.request.options;
  const profile = makeProfile(options);
  return { profile, keys: shareKeys(asShareSecret(draft.secret)), terms: buildTerms(draft.identifiers, profile.options.has('retain-institution-identity')) };
}

export function draftView(draft: Draft): ShareDraft {
  const going = leavingFiles(draft);
  const ctx = draftContext(draft);
  return {
    draftId: draft.draftId,
    identified: draft.request.identified,
    options: draft.request.options,
    burnedIn: draft.request.burnedIn,
    pseudonym: ctx?.keys.pseudonym ?? null,
    followUpOfShareId: draft.request.followUpOfShareId,
    fileCount: going.length,
    totalBytes: going.reduce((sum, f) => sum + f.size, 0),
    studyCount: new Set(going.map((f) => f.studyUid)).size,
    seriesCount: new Set(going.map((f) => f.seriesUid)).size,
    heldBack: [...draft.heldBack.values()],
    decisions: [...draft.decisions.values()],
    screened: { ...draft.screened },
    leftOut: [...draft.leftOut],
    screeningAvailable: draft.screeningAvailable,
  };
}
