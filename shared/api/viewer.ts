/**
 * What the study view needs to open a study: its series with every stored object (one row per
 * file), in viewing order, and the reports attached to it. Pixels and documents come through the
 * byte channel (shared/api/bytes.ts) using the ids given here.
 */
import { z } from 'zod';
import { method } from './method';

const RowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** What kind of object a stored file is, from its SOP class: decides which view opens it. */
export const InstanceKind = z.enum(['image', 'pdf', 'report', 'other']);
export type InstanceKind = z.infer<typeof InstanceKind>;

export const ViewerInstance = z.object({
  /** Instance row id: its bytes are at /bytes/instance/<id>. */
  id: RowId,
  instanceNumber: z.number().int().nullable(),
  sopClassUid: z.string().nullable(),
  kind: InstanceKind,
  transferSyntax: z.string().nullable(),
  rows: z.number().int().nullable(),
  columns: z.number().int().nullable(),
  /** Number of frames; null for a single-frame object. */
  frames: z.number().int().nullable(),
});
export type ViewerInstance = z.infer<typeof ViewerInstance>;

export const ViewerSeries = z.object({
  id: RowId,
  seriesNumber: z.number().int().nullable(),
  modality: z.string().nullable(),
  bodyPart: z.string().nullable(),
  description: z.string().nullable(),
  /** Ordered by instance number, then id; a volume is ordered by image position by the viewer. */
  instances: z.array(ViewerInstance),
});
export type ViewerSeries = z.infer<typeof ViewerSeries>;

export const StudyView = z.object({
  study: z.object({
    id: RowId,
    date: z.string().nullable(),
    description: z.string().nullable(),
    institution: z.string().nullable(),
    patientName: z.string().nullable(),
    patientId: z.string().nullable(),
    birthDate: z.string().nullable(),
    sex: z.string().nullable(),
  }),
  series: z.array(ViewerSeries),
  /** Loose documents (PDF reports) filed with the study: bytes at /bytes/attachment/<id>. */
  attachments: z.array(z.object({ id: RowId, title: z.string().nullable(), kind: z.string() })),
});
export type StudyView = z.infer<typeof StudyView>;

export const viewerMethods = {
  getStudyView: method(z.object({ studyId: RowId }).strict(), StudyView, { needsUnlock: true }),
  listSeriesInstances: method(z.object({ seriesId: RowId }).strict(), z.array(ViewerInstance), { needsUnlock: true }),
} as const;
