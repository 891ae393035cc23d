/**
 * Sharing: prepare a share (collect the files, header rules, burned-in screening), review what is
 * held back, preview one file before/after, export it as a signed bundle, and the share log.
 */
import { z } from 'zod';
import {
  ExportDestination, OutsideShareRequest, PrepareShareRequest, ShareDecision, ShareDraft, SharePreview, ShareRecord,
  StartExportRequest, VerifyExportReport,
} from '../share/share-domain';
import { Empty, method } from './method';

const DraftRef = z.object({ draftId: z.string().regex(/^[a-f0-9]{16,64}$/) }).strict();
const RowId = z.number().int().positive();

export const shareMethods = {
  /** A job: gathers the selection's files, applies the header rules and screens images for burned-in text; its result is a draft (job.shareDraft). */
  prepareShare: method(PrepareShareRequest, z.object({ jobId: z.string() }), { needsUnlock: true }),
  getShareDraft: method(DraftRef, ShareDraft, { needsUnlock: true }),
  /** The patient's decisions on held-back images (exclude, release after review, or mask rectangles). */
  setShareDecisions: method(DraftRef.extend({ decisions: z.array(ShareDecision).max(100_000) }).strict(), ShareDraft, { needsUnlock: true }),
  /** One file's attributes before and after de-identification (the first file when instanceId is absent). */
  previewShareFile: method(DraftRef.extend({ instanceId: RowId.optional() }).strict(), SharePreview, { needsUnlock: true }),
  /** A job: writes the bundle (files, DICOMDIR, README, signed manifest), logs the share (job.exportReport). */
  startExport: method(StartExportRequest, z.object({ jobId: z.string() }), { needsUnlock: true }),
  /** Drops a draft the patient abandoned (drafts also end when the vault locks). */
  discardShareDraft: method(DraftRef, z.object({}), { needsUnlock: true }),
  /** The share log: every share, newest first; personId narrows it to one person's accounting. */
  listShares: method(z.object({ personId: RowId.optional() }).strict(), z.object({ shares: z.array(ShareRecord) }), { needsUnlock: true }),
  /** The same accounting as CSV (the columns of `scanvault shares --csv`), for the patient to save. */
  getSharesCsv: method(z.object({ personId: RowId.optional() }).strict(), z.object({ csv: z.string() }), { needsUnlock: true }),
  /** Records a share made outside the app (a hospital sent images to an insurer, a portal share). */
  recordOutsideShare: method(OutsideShareRequest, ShareRecord, { needsUnlock: true }),
  /** The fingerprint of the vault's signing key, shown to the patient to give the doctor by another channel. */
  getSigningKey: method(Empty, z.object({ fingerprint: z.string() }), { needsUnlock: true }),
  /** Checks an exported bundle (folder or zip) offline: signature, file hashes, file list. Works while locked. */
  verifyExport: method(z.object({ path: z.string().min(1).max(4096), fingerprint: z.string().max(200).optional() }).strict(), VerifyExportReport, { needsUnlock: false }),
  /** Desktop app only: the system's dialog for an export's place; null when cancelled. */
  pickExportDestination: method(z.object({ kind: ExportDestination.shape.kind }).strict(), z.object({ path: z.string().nullable() }), { needsUnlock: false }),
} as const;
