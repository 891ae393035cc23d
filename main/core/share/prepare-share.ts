/**
 * The prepareShare job: the selection's files, the header rules (reports, burned-in flags), text
 * screening of every image about to leave, and the person's identifiers for the leak guard.
 * Files are decrypted into memory one at a time and dropped; nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { ONE_PERSON_PER_SHARE, type HeldBackItem, type HeldBackReason, type PrepareShareRequest } from '../../../shared/share/share-domain';
import { CoreError } from '../core-error';
import { currentPersonsOfShare, instancesOfSelection, personIdsOfPatients, seriesByUid, shareSecret, studiesByUid } from '../db/shares';
import type { ProgressSink } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import { ImageError } from './burned-in';
import type { Screener, ScreenResult } from './burned-in/types';
import { addIdentifiersFromTree, DeidError, emptyIdentifiers, holdReason, readDicomTree, type DicomTree } from './deid';
import type { Draft, DraftItem } from './draft';
import { addKnownIdentifiers } from './known-identifiers';
import { READ_AHEAD, readAhead } from './export/pipeline';

export interface PrepareDeps {
  screener?: (() => Screener) | undefined;
  canMask: boolean;
}

const EXPLAIN: Record<HeldBackReason, string> = {
  report: 'This is a written report. Its text can name you, so it is left out unless you read it and choose to include it.',
  'burned-in-flagged': 'The file says text is written into the picture itself. It may show your name or ID.',
  'burned-in-likely': 'Pictures of this kind (ultrasound, angiography, endoscopy, screenshots, scanned documents) often have your name or ID written into them.',
  'text-found': 'Text was found in the picture: it may show your name or ID.',
  'not-screened': 'ScanVault could not read this picture’s pixels to look for text written into it, so it cannot say the picture shows nothing about you.',
};
/** Why a file prepare could not read is left out: the reader's own plain words when it gave them (damage, too many details). */
export function leftOutReason(error: unknown): string {
  const why = error instanceof DeidError ? error.message : 'This file could not be read as a medical image file, so it cannot be de-identified';
  return `${why}. It stays in your vault and is not shared.`;
}

const PIXEL_DATA = 0x7fe00010;

function studyLabel(s: { date: string | null; description: string | null; modalities: string | null }): string | null {
  const date = s.date !== null && /^\d{8}$/.test(s.date) ? `${s.date.slice(0, 4)}-${s.date.slice(4, 6)}-${s.date.slice(6, 8)}` : null;
  const parts = [[s.modalities?.replaceAll(',', '/'), s.description].filter(Boolean).join(' '), date].filter((p) => p !== null && p !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Study items for whole studies, series items when only some series of a study were chosen. */
function selectionItems(vault: OpenVault, request: PrepareShareRequest): DraftItem[] {
  const db = vault.db;
  const studies = studiesByUid(db, request.selection.studyUids);
  if (studies.length !== new Set(request.selection.studyUids).size) throw new CoreError('NOT_FOUND', 'A study chosen for the share is not in the vault (it may have been removed). Choose the studies again: in the app from the library, on the command line by the Study Instance UIDs "scanvault list" shows.');
  const series = seriesByUid(db, request.selection.seriesUids);
  if (series.length !== new Set(request.selection.seriesUids).size || series.some((s) => !request.selection.studyUids.includes(s.studyUid))) {
    throw new CoreError('BAD_REQUEST', 'A series chosen for the share is not part of the chosen studies. Choose the series again.');
  }
  const items: DraftItem[] = [];
  for (const study of studies) {
    const chosen = series.filter((s) => s.studyUid === study.studyUid);
    if (chosen.length === 0) items.push({ level: 'study', uid: study.studyUid, label: studyLabel(study) });
    else for (const s of chosen) items.push({ level: 'series', uid: s.seriesUid, label: [s.modality, s.description].filter(Boolean).join(' ') || null });
  }
  return items;
}

/** A follow-up carries the earlier share's made-up name: it must be the same person's scans, or two people would become one. */
function secretFor(vault: OpenVault, request: PrepareShareRequest, personIds: readonly number[]): Buffer | null {
  if (request.identified) {
    if (request.followUpOfShareId !== null) throw new CoreError('BAD_REQUEST', 'A follow-up reuses a de-identified share’s pseudonym; an identified export has none. Choose one or the other.');
    return null;
  }
  if (request.followUpOfShareId === null) return randomBytes(32);
  const earlier = shareSecret(vault.db, request.followUpOfShareId);
  if (earlier === null) throw new CoreError('NOT_FOUND', 'That earlier share is not a de-identified export made with ScanVault, so it has no pseudonym to reuse. Choose another share or make a new, unlinked one.');
  const earlierPeople = currentPersonsOfShare(vault.db, request.followUpOfShareId);
  if (earlierPeople.length > 0 && !earlierPeople.some((p) => personIds.includes(p))) {
    throw new CoreError('BAD_REQUEST', 'That earlier share was of another person’s scans. A follow-up gives these scans the same made-up name, so the doctor would take the two people for one. Make a new, unlinked share instead.');
  }
  return earlier;
}

const isImage = (tree: DicomTree) => tree.dataset.some((e) => e.tag === PIXEL_DATA);

export async function prepareShare(vault: OpenVault, request: PrepareShareRequest, deps: PrepareDeps, signal: AbortSignal, progress: ProgressSink): Promise<Draft> {
  const items = selectionItems(vault, request);
  const files = instancesOfSelection(vault.db, request.selection.studyUids, request.selection.seriesUids);
  if (files.length === 0) throw new CoreError('BAD_REQUEST', 'The chosen studies hold no pictures to share. Choose other studies.');
  const personIds = personIdsOfPatients(vault.db, [...new Set(files.map((f) => f.patientId))]);
  if (personIds.length > 1) throw new CoreError('BAD_REQUEST', ONE_PERSON_PER_SHARE);
  const draft: Draft = {
    draftId: randomBytes(16).toString('hex'),
    request,
    secret: secretFor(vault, request, personIds),
    files, heldBack: new Map(), decisions: new Map(), leftOut: [], personIds,
    identifiers: emptyIdentifiers(), items, screened: { images: 0, withText: 0 },
    screeningAvailable: false,
  };
  const screen = !request.identified && request.burnedIn !== 'trust-headers' && deps.screener !== undefined;
  const screener = screen ? deps.screener?.() : undefined;
  draft.screeningAvailable = screener !== undefined;
  progress.set({ phase: 'working', filesTotal: files.length, filesDone: 0, bytesTotal: files.reduce((s, f) => s + f.size, 0), bytesDone: 0 });
  let bytesDone = 0;
  const makers = new Set<string>();
  try {
    for await (const [file, bytes, i] of readAhead(files, (f) => vault.blobs.readAll(f.blobId), READ_AHEAD)) {
      if (signal.aborted) throw new CoreError('CANCELLED');
      if (bytes.length !== file.size) throw new CoreError('BLOB_CORRUPT');
      let tree: DicomTree;
      try {
        tree = readDicomTree(bytes);
        // From the tree just read: each file is parsed once.
        for (const maker of addIdentifiersFromTree(draft.identifiers, tree)) makers.add(maker);
      } catch (error) {
        draft.leftOut.push({ instanceId: file.instanceId, sopInstanceUid: file.sopInstanceUid, reason: leftOutReason(error) });
        continue;
      }
      if (!request.identified) await judgeFile(draft, file, tree, bytes, screener, signal, deps.canMask);
      bytesDone += file.size;
      progress.set({ filesDone: i + 1, bytesDone });
    }
  } finally {
    await screener?.close();
  }
  // After the files: the vault's index tells a maker's name from a hospital by the files' makers.
  addKnownIdentifiers(vault.db, personIds, draft.identifiers, [...makers]);
  progress.set({ phase: 'finishing' });
  return draft;
}

async function judgeFile(draft: Draft, file: Draft['files'][number], tree: DicomTree, bytes: Uint8Array, screener: Screener | undefined, signal: AbortSignal, canMask: boolean): Promise<void> {
  const { request } = draft;
  const header = holdReason(tree);
  let reason: HeldBackReason | null = header === 'report' && request.includeReports ? null : header;
  let found: ScreenResult | null = null;
  if (reason !== 'report' && screener !== undefined && isImage(tree)) {
    try {
      found = await screener.screen(bytes, signal);
    } catch (error) {
      // Pixels the screener cannot decode are not known to be clean: hold the picture back for review.
      if (!(error instanceof ImageError)) throw error;
      reason ??= 'not-screened';
    }
    draft.screened.images += found === null ? 0 : 1;
    if (found?.textFound === true) {
      draft.screened.withText += 1;
      reason ??= 'text-found';
    }
  }
  if (reason === null) return;
  const item: HeldBackItem = {
    instanceId: file.instanceId, sopInstanceUid: file.sopInstanceUid, seriesInstanceUid: file.seriesUid, modality: file.modality,
    reason, explanation: EXPLAIN[reason], textRegions: (found?.regions ?? []).map((r) => ({ ...r })),
    frameCount: Math.max(1, file.frames ?? 1), columns: file.columns, rows: file.rows,
  };
  draft.heldBack.set(file.instanceId, item);
  if (reason === 'report') return;
  // The modes that decide without review: exclude leaves burned-in images out, mask covers the text found.
  if (request.burnedIn === 'exclude') draft.decisions.set(file.instanceId, { instanceId: file.instanceId, action: 'exclude', masks: [], scope: 'image' });
  if (request.burnedIn === 'mask' && canMask && item.textRegions.length > 0) {
    draft.decisions.set(file.instanceId, { instanceId: file.instanceId, action: 'mask', masks: item.textRegions, scope: 'image' });
  }
}
