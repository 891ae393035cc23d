/**
 * The shapes of a share as they cross the API: what is chosen, what the preparation found
 * (held-back images, text regions), what the patient decided, the export's result, and the share
 * log (the patient's accounting of disclosures, 45 CFR 164.528 fields).
 */
import { z } from 'zod';
import { IsoDate, VaultFolderPath } from '../primitives';
import { deidOptionSchema } from './options';

const Uid = z.string().regex(/^[0-9.]{1,64}$/, 'A DICOM UID is digits and dots, at most 64 characters.');
const RowId = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Why a share holds one person's scans: a de-identified copy gives every file the same made-up
 * name, so two people's scans would reach the doctor as one person's history.
 */
/** Where a share is saved: never over something that exists, and only into a folder that does (the CLI checks before the slow prepare, the core again when writing). */
export const SHARE_TARGET_EXISTS = 'Something is already saved under this name, and ScanVault never overwrites it. Choose another name or folder for the share.';
export const SHARE_FOLDER_MISSING = 'The folder to save the share in does not exist. Check that the drive is connected, or choose another place.';

export const ONE_PERSON_PER_SHARE = 'The chosen scans belong to different people in your vault. Share one person’s scans at a time: a copy shows them all as one patient, so the doctor would take them for one person. If they are in fact the same person, link their records first (on their profile: This is the same person).';
const optText = (max: number) => z.string().trim().max(max).nullable();

export const Recipient = z.object({
  name: text(200),
  role: optText(200),
  org: optText(200),
  /** Address, phone or e-mail, as the patient writes it. */
  contact: optText(500),
}).strict();
export type Recipient = z.infer<typeof Recipient>;

/** What to share: whole studies, or only some of their series (series must belong to the studies). */
export const ShareSelection = z.object({
  studyUids: z.array(Uid).min(1).max(1000),
  seriesUids: z.array(Uid).max(10_000).default([]),
}).strict();
export type ShareSelection = z.infer<typeof ShareSelection>;

/** hold: held back for review (default); exclude: left out; mask: suggested masks applied; trust-headers: header rules only, no screening (weaker). */
export const BurnedInMode = z.enum(['hold', 'exclude', 'mask', 'trust-headers']);
export type BurnedInMode = z.infer<typeof BurnedInMode>;

/** not-screened: the picture could not be decoded to look for text, so nobody can say it has none. */
export const HeldBackReason = z.enum(['report', 'burned-in-flagged', 'burned-in-likely', 'text-found', 'not-screened']);
export type HeldBackReason = z.infer<typeof HeldBackReason>;

/** A rectangle in image pixels (columns x, rows y), top-left origin. `frame` null: every frame. */
export const MaskRect = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  frame: z.number().int().min(0).nullable().default(null),
}).strict();
export type MaskRect = z.infer<typeof MaskRect>;

export const HeldBackItem = z.object({
  instanceId: RowId,
  sopInstanceUid: z.string(),
  seriesInstanceUid: z.string(),
  modality: z.string().nullable(),
  reason: HeldBackReason,
  /** Plain words for the patient, e.g. "Text was found in the picture: it may show your name." */
  explanation: z.string(),
  /** Where text was found (suggested masks); empty for header-only reasons. */
  textRegions: z.array(MaskRect),
  frameCount: z.number().int().min(1),
  columns: z.number().int().nullable(),
  rows: z.number().int().nullable(),
});
export type HeldBackItem = z.infer<typeof HeldBackItem>;

/** The patient's decision on one held-back image (scope series: the same for every image of its series). */
export const ShareDecision = z.object({
  instanceId: RowId,
  action: z.enum(['exclude', 'release', 'mask']),
  masks: z.array(MaskRect).max(100).default([]),
  scope: z.enum(['image', 'series']).default('image'),
}).strict();
export type ShareDecision = z.infer<typeof ShareDecision>;

export const PrepareShareRequest = z.object({
  selection: ShareSelection,
  /** true: the originals as they are (labelled identified); false: de-identified (the default). */
  identified: z.boolean().default(false),
  options: z.array(deidOptionSchema).max(10),
  burnedIn: BurnedInMode.default('hold'),
  /** Reports (SR, PDF) are left out unless the patient has read them and chooses to include them. */
  includeReports: z.boolean().default(false),
  /** Reuse that earlier share's pseudonym, date shift and UID mapping (a follow-up to the same recipient); null: unlinkable. */
  followUpOfShareId: RowId.nullable().default(null),
}).strict();
export type PrepareShareRequest = z.infer<typeof PrepareShareRequest>;

export const ShareDraft = z.object({
  draftId: z.string(),
  identified: z.boolean(),
  options: z.array(deidOptionSchema),
  burnedIn: BurnedInMode,
  /** What the doctor will see as the patient's name and ID; null for an identified export. */
  pseudonym: z.string().nullable(),
  followUpOfShareId: RowId.nullable(),
  /** Files that will leave with the current decisions. */
  fileCount: z.number().int(),
  totalBytes: z.number(),
  studyCount: z.number().int(),
  seriesCount: z.number().int(),
  heldBack: z.array(HeldBackItem),
  /** Decisions made so far (by instance). */
  decisions: z.array(ShareDecision),
  /** How many images were screened for burned-in text, and how many had text. */
  screened: z.object({ images: z.number().int(), withText: z.number().int() }),
  /** False when no text screening was available: only the header rules were applied (say so to the patient). */
  screeningAvailable: z.boolean().optional(),
  /** Files that cannot be shared at all (e.g. damaged), with a plain reason; they never leave. */
  leftOut: z.array(z.object({ instanceId: RowId, sopInstanceUid: z.string(), reason: z.string() })).optional(),
});
export type ShareDraft = z.infer<typeof ShareDraft>;

export const AttributeChange = z.object({
  tag: z.string(),
  keyword: z.string(),
  /** kept, changed (e.g. a shifted date, a new UID, a pseudonym), removed, or added by ScanVault. */
  change: z.enum(['kept', 'changed', 'removed', 'added']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export const SharePreview = z.object({
  instanceId: RowId,
  sopInstanceUid: z.string(),
  rows: z.array(AttributeChange),
});
export type SharePreview = z.infer<typeof SharePreview>;

export const ExportDestination = z.object({ kind: z.enum(['folder', 'zip']), path: VaultFolderPath }).strict();
export type ExportDestination = z.infer<typeof ExportDestination>;

export const StartExportRequest = z.object({
  draftId: z.string().regex(/^[a-f0-9]{16,64}$/),
  recipient: Recipient,
  purpose: text(500),
  destination: ExportDestination,
}).strict();
export type StartExportRequest = z.infer<typeof StartExportRequest>;

export const ExportReport = z.object({
  shareId: RowId,
  pseudonym: z.string().nullable(),
  files: z.number().int(),
  heldBack: z.array(z.object({ sopInstanceUid: z.string(), reason: z.string() })),
  masked: z.array(z.object({ sopInstanceUid: z.string(), regions: z.array(MaskRect) })),
  packageSha256: z.string(),
  /** The history log's head at export time, `<seq>:<sha256 hex>`. */
  anchor: z.string(),
  /** The vault's signing key fingerprint, to give to the doctor by another channel. */
  fingerprint: z.string(),
  destination: ExportDestination,
  /** Encoding changes made on the way (as listed in the manifest), with how many files each. */
  conversions: z.array(z.object({ conversion: z.string(), files: z.number().int() })),
});
export type ExportReport = z.infer<typeof ExportReport>;

export const ShareItem = z.object({
  level: z.enum(['patient', 'study', 'series', 'instance']),
  uid: z.string(),
  /** e.g. "CT head, 2024-03-20" for the patient to recognise it. */
  label: z.string().nullable(),
});

export const ShareRecord = z.object({
  id: RowId,
  /** YYYY-MM-DD, the day the share was made (or, for an outside share, the day it happened). */
  date: z.string(),
  recipient: Recipient,
  purpose: z.string(),
  /** e.g. "ScanVault export (folder)", "ScanVault export (zip)", or as the patient wrote it ("CD sent by the hospital"). */
  method: z.string(),
  items: z.array(ShareItem),
  /** "de-identified (PS3.15 basic profile)", "identified (originals)", or null for an outside share. */
  profile: z.string().nullable(),
  options: z.array(z.string()),
  packageSha256: z.string().nullable(),
  pseudonym: z.string().nullable(),
  /** Made outside the app and recorded by hand. */
  outside: z.boolean(),
  personIds: z.array(RowId),
  fileCount: z.number().int().nullable(),
  /** A letter or document attached to an outside share. */
  documentId: RowId.nullable(),
  note: z.string().nullable(),
});
export type ShareRecord = z.infer<typeof ShareRecord>;

export const OutsideShareRequest = z.object({
  personId: RowId,
  date: IsoDate,
  recipient: Recipient,
  purpose: text(500),
  method: text(200),
  /** Studies of the vault it concerned, if known. */
  studyUids: z.array(Uid).max(1000).default([]),
  description: optText(2000).default(null),
  /** A letter or document about it, from a path on this computer or a browser upload. */
  document: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
    z.object({ kind: z.literal('upload'), uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  ]).nullable().default(null),
}).strict();
export type OutsideShareRequest = z.infer<typeof OutsideShareRequest>;

export const VerifyExportReport = z.object({
  /** True only when the signature, every file's hash and the file list all check out. */
  ok: z.boolean(),
  /** The fingerprint the signature was verified against (the bundle's own key unless one was given). */
  fingerprint: z.string().nullable(),
  signatureValid: z.boolean(),
  /** A fingerprint was given and differs from the bundle's key. */
  fingerprintMismatch: z.boolean(),
  recipient: z.string().nullable(),
  date: z.string().nullable(),
  anchor: z.string().nullable(),
  files: z.number().int(),
  problems: z.array(z.object({ path: z.string(), problem: z.enum(['changed', 'missing', 'added', 'unreadable']) })),
});
export type VerifyExportReport = z.infer<typeof VerifyExportReport>;
