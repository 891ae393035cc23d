/**
 * The library at scale: search, filter, sort and page studies in the database (the page only asks
 * for what is on screen), the choices for the filter controls, the list of imports, and removal
 * from the vault after a preview that says exactly what goes.
 */
import { z } from 'zod';
import { IsoDate, StudySummary } from '../domain';
import { Empty, method } from './method';

const RowId = z.number().int().positive();
/** A filter value as stored (modality code, body part, source label, facility name). */
const Choice = z.string().min(1).max(200);

export const StudySort = z.enum(['date-newest', 'date-oldest', 'patient-name', 'description']);
export type StudySort = z.infer<typeof StudySort>;

export const MAX_PAGE = 200;

export const StudyQuery = z.object({
  /** Free text: every word must appear in the patient or person name, a description, body part, modality, source or facility. */
  text: z.string().max(200).optional(),
  /** Study date from/to, inclusive (YYYY-MM-DD; DICOM stores YYYYMMDD). Studies without a date are left out when either is set. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  modality: Choice.optional(),
  bodyPart: Choice.optional(),
  source: Choice.optional(),
  facility: Choice.optional(),
  personId: RowId.optional(),
  /** Only what this import brought in (the imports list links here). */
  importId: RowId.optional(),
  sort: StudySort.default('date-newest'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
}).strict().refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
  message: 'The "from" date is after the "to" date. Swap them, or clear one.', path: ['from'],
});
export type StudyQuery = z.input<typeof StudyQuery>;

/** One study row of a page: the study card's summary plus whose it is. */
export const LibraryStudy = StudySummary.extend({
  patient: z.object({ id: z.number().int(), name: z.string().nullable(), patientId: z.string().nullable(), birthDate: z.string().nullable(), sex: z.string().nullable() }),
  person: z.object({ id: z.number().int(), displayName: z.string().nullable() }).nullable(),
});
export type LibraryStudy = z.infer<typeof LibraryStudy>;

export const StudyPage = z.object({ total: z.number().int(), offset: z.number().int(), studies: z.array(LibraryStudy) });
export type StudyPage = z.infer<typeof StudyPage>;

export const LibraryFilters = z.object({
  studyCount: z.number().int(),
  modalities: z.array(z.string()),
  bodyParts: z.array(z.string()),
  sources: z.array(z.string()),
  facilities: z.array(z.string()),
  /** People with at least one study: the name the user gave them, and the name on their first record (DICOM form). */
  people: z.array(z.object({ id: z.number().int(), displayName: z.string().nullable(), recordName: z.string().nullable() })),
});
export type LibraryFilters = z.infer<typeof LibraryFilters>;

export const ImportListItem = z.object({
  id: z.number().int(),
  sourceLabel: z.string(),
  sourceKind: z.string(),
  receivedDate: z.string().nullable(),
  handedOverBy: z.string().nullable(),
  startedAt: z.string(),
  status: z.string(),
  studyCount: z.number().int(),
  pictureCount: z.number().int(),
  reportCount: z.number().int(),
});
export type ImportListItem = z.infer<typeof ImportListItem>;

export const RemovalTarget = z.object({ kind: z.enum(['study', 'series', 'import']), id: RowId }).strict();
export type RemovalTarget = z.infer<typeof RemovalTarget>;

/** Exactly what a removal takes out of the vault, as counted now. */
export const RemovalPreview = z.object({
  target: RemovalTarget,
  studies: z.number().int(),
  series: z.number().int(),
  pictures: z.number().int(),
  reports: z.number().int(),
  /** Bytes of the stored files that will be deleted (their plaintext size). */
  bytes: z.number().int(),
  /** The imports (source labels) the removed pictures and reports came from. */
  sources: z.array(z.string()),
  /** Pictures/reports of an import that stay because another import also brought them. */
  keptBecauseElsewhere: z.number().int(),
  /** Patient records left without anything, removed too. */
  records: z.number().int(),
  /** Pass back to removeFromVault: it refuses when the vault changed since this preview. */
  fingerprint: z.string().regex(/^[a-f0-9]{64}$/),
});
export type RemovalPreview = z.infer<typeof RemovalPreview>;

export const RemovalResult = RemovalPreview.omit({ fingerprint: true, keptBecauseElsewhere: true }).extend({
  /** Stored files that could not be deleted now (removed at the next unlock or reported by "Check vault"). */
  filesLeft: z.number().int(),
});
export type RemovalResult = z.infer<typeof RemovalResult>;

export const libraryQueryMethods = {
  queryStudies: method(StudyQuery, StudyPage, { needsUnlock: true }),
  getLibraryFilters: method(Empty, LibraryFilters, { needsUnlock: true }),
  listImports: method(Empty, z.object({ imports: z.array(ImportListItem) }), { needsUnlock: true }),
  /** NOT_FOUND for an unknown target. */
  previewRemoval: method(RemovalTarget, RemovalPreview, { needsUnlock: true }),
  /** STALE_PREVIEW when what would go differs from the preview with this fingerprint. */
  removeFromVault: method(
    z.object({ target: RemovalTarget, fingerprint: z.string().regex(/^[a-f0-9]{64}$/) }).strict(),
    RemovalResult,
    { needsUnlock: true },
  ),
} as const;
