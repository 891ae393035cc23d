/** Domain shapes that cross the API boundary, as zod schemas (types are derived from them). */
import { z } from 'zod';
import { IsoDate, VaultFolderPath, isRealDate } from './primitives';
import { ExportReport, ShareDraft } from './share/share-domain';
import { CompareReport } from './compare/compare-report';

export { IsoDate, VaultFolderPath, isRealDate };

export const VaultState = z.enum(['no-vault', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const HostKind = z.enum(['electron', 'browser', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const Status = z.object({
  state: VaultState,
  vaultDir: z.string(),
  /** The chosen vault folder is not there (e.g. its external drive is not connected). */
  vaultFolderMissing: z.boolean(),
  autoLockMinutes: z.number().int().min(0),
  host: HostKind,
  /** Whether the host can open native file pickers (Electron) or accepts uploads (browser host). */
  capabilities: z.object({ nativeDialogs: z.boolean(), uploads: z.boolean() }),
});
export type Status = z.infer<typeof Status>;

/** Latest acceptable "today": one day of slack, since the person's calendar may be ahead of UTC. */
function latestToday(now: number): string {
  return new Date(now + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A date something was received: a real day, not in the future. */
export const ReceivedDate = IsoDate.refine(
  (text) => text <= latestToday(Date.now()),
  'That date is in the future. Use the day you received the copy (YYYY-MM-DD), today or earlier.',
);

export const ProvenanceInput = z.object({
  /** What the patient calls this copy, e.g. "CD from Mercy Hospital". */
  sourceLabel: z.string().trim().min(1).max(200),
  receivedDate: ReceivedDate.optional(),
  /** Who handed it over (free text). */
  handedOverBy: z.string().trim().max(200).optional(),
});
export type ProvenanceInput = z.infer<typeof ProvenanceInput>;

export const ImportRequest = z.object({
  /** Files, folders or zip archives on this computer. */
  paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000).optional(),
  /** An upload staging id from the browser host (files sent over the loopback connection). */
  uploadId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
  provenance: ProvenanceInput,
}).refine((r) => (r.paths ? 1 : 0) + (r.uploadId ? 1 : 0) === 1, 'Give either paths or an upload, not both');
export type ImportRequest = z.infer<typeof ImportRequest>;

export const PathOutcome = z.object({ path: z.string(), reason: z.string() });
export const PathError = z.object({ path: z.string(), error: z.string() });

export const ImportReport = z.object({
  batchId: z.number().int(),
  imported: z.number().int(),
  seenAgain: z.number().int(),
  attachments: z.number().int(),
  conflicts: z.array(z.object({ path: z.string(), sopInstanceUid: z.string(), reason: z.string() })),
  skipped: z.array(PathOutcome),
  failed: z.array(PathError),
  warnings: z.array(z.object({ path: z.string(), warnings: z.array(z.string()) })),
  studies: z.array(z.object({
    studyInstanceUid: z.string(),
    date: z.string().nullable(),
    description: z.string().nullable(),
    patientName: z.string().nullable(),
  })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const VerifyProblem = z.object({
  kind: z.enum([
    'blob-missing', 'blob-corrupt', 'digest-mismatch', 'event-chain-broken', 'orphan-blob',
    'database-pages-damaged', 'database-check-failed', 'index-mismatch', 'anchor-not-found', 'database-unreadable',
  ]),
  message: z.string(),
  blobId: z.string().optional(),
});
/** The event log's head, `<seq>:<sha256 hex>`: a point of history anyone can note down and check later. */
export const Anchor = z.string().regex(/^[1-9][0-9]{0,15}:[0-9a-f]{64}$/, 'An anchor is an entry number, a colon and 64 characters 0-9 and a-f, like 12:3f5a…. Copy it exactly as it was printed.');
export const VerifyReport = z.object({
  ok: z.boolean(),
  blobsChecked: z.number().int(),
  eventsChecked: z.number().int(),
  /** Database pages (and write-ahead log frames) whose HMAC was checked. */
  pagesChecked: z.number().int().default(0),
  /** The history log's head at the end of the check; null when the log could not be read. */
  anchor: Anchor.nullable().default(null),
  /** Present when an anchor was given to check: whether the log still contains that point. */
  anchorCheck: z.object({ anchor: Anchor, found: z.boolean() }).optional(),
  problems: z.array(VerifyProblem),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const BackupReport = z.object({
  layout: z.enum(['file', 'folder']),
  /** Stored files in the backup, and how many were copied this time (a folder copies only new ones). */
  blobs: z.number().int(),
  copiedBlobs: z.number().int(),
  bytesWritten: z.number(),
  anchor: Anchor.nullable(),
  createdAt: z.string(),
});
export type BackupReport = z.infer<typeof BackupReport>;
export const RestoreReport = z.object({
  blobs: z.number().int(),
  /** The history point the backup was taken at; the restored vault was checked to contain it. */
  anchor: Anchor.nullable(),
  verifyReport: VerifyReport,
});
export type RestoreReport = z.infer<typeof RestoreReport>;
export const BackupStatus = z.object({
  lastBackupAt: z.string().nullable(),
  remindAfterDays: z.number().int(),
  /** True when the last backup (or, with none, the vault itself) is older than remindAfterDays. */
  reminderDue: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const JobKind = z.enum(['import', 'verify', 'backup', 'restore', 'read-document', 'share-prepare', 'export', 'compare']);
export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export const Progress = z.object({
  phase: z.enum(['scanning', 'working', 'finishing']),
  filesDone: z.number().int(),
  filesTotal: z.number().int(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
});
export type Progress = z.infer<typeof Progress>;

const ApiErrorShape = z.object({ code: z.string(), message: z.string() });
export const Job = z.object({
  jobId: z.string(),
  kind: JobKind,
  state: JobState,
  progress: Progress,
  importReport: ImportReport.optional(),
  verifyReport: VerifyReport.optional(),
  backupReport: BackupReport.optional(),
  restoreReport: RestoreReport.optional(),
  shareDraft: ShareDraft.optional(),
  exportReport: ExportReport.optional(),
  compareReport: CompareReport.optional(),
  error: ApiErrorShape.optional(),
});
export type Job = z.infer<typeof Job>;

export const SeriesSummary = z.object({
  id: z.number().int(),
  seriesInstanceUid: z.string(),
  modality: z.string().nullable(),
  bodyPart: z.string().nullable(),
  description: z.string().nullable(),
  seriesNumber: z.number().int().nullable(),
  instanceCount: z.number().int(),
  /** Images sharing their image ID with another stored image whose bytes differ. */
  conflictCount: z.number().int(),
  /** Of those, the ones whose pixels differ (or cannot be compared yet): possibly altered copies. */
  alteredCount: z.number().int(),
});
export const StudySummary = z.object({
  id: z.number().int(),
  studyInstanceUid: z.string(),
  date: z.string().nullable(),
  description: z.string().nullable(),
  modalities: z.array(z.string()),
  institution: z.string().nullable(),
  sources: z.array(z.string()),
  seriesCount: z.number().int(),
  instanceCount: z.number().int(),
  attachments: z.array(z.object({ id: z.number().int(), title: z.string().nullable(), kind: z.string() })),
  series: z.array(SeriesSummary),
});
export const PatientSummary = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  patientId: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  studyCount: z.number().int(),
  studies: z.array(StudySummary),
});
/** How a DICOM patient record came to belong to its person: by the name-and-birth-date rule, or by the user. */
export const LinkedBy = z.enum(['auto', 'hand']);
export type LinkedBy = z.infer<typeof LinkedBy>;

/**
 * One person: each hospital gives them another patient ID (and often spells the name differently),
 * so a person holds one or more DICOM patient records. `displayName` is the name the user chose;
 * null means "use the name on the first record".
 */
export const PersonSummary = z.object({
  id: z.number().int(),
  displayName: z.string().nullable(),
  studyCount: z.number().int(),
  records: z.array(PatientSummary.extend({ linkedBy: LinkedBy })),
});
export const Library = z.object({ people: z.array(PersonSummary) });
export type Library = z.infer<typeof Library>;
export type PersonSummary = z.infer<typeof PersonSummary>;

/** Every DICOM patient record in the library, person by person. */
export function libraryRecords(library: Library): PersonSummary['records'] {
  return library.people.flatMap((p) => p.records);
}
export type PatientSummary = z.infer<typeof PatientSummary>;
export type StudySummary = z.infer<typeof StudySummary>;
export type SeriesSummary = z.infer<typeof SeriesSummary>;

