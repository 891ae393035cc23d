/**
 * What the study view shows beside the pixels: every attribute of one instance (with the ones that
 * can identify the person flagged from PS3.15 Table E.1-1), a structured report as readable text,
 * and where the file came from with its digests.
 */
import { z } from 'zod';
import { method } from './method';

const RowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const InstanceRef = z.object({ instanceId: RowId }).strict();

export interface AttributeNode {
  /** '(0010,0010)'. */
  tag: string;
  keyword: string | null;
  /** Plain name: the dictionary's words, the table's name, or the private attribute's meaning. */
  name: string;
  vr: string | null;
  /** Readable text; several values are joined with ' \ '. null: no text (binary, sequence, empty). */
  value: string | null;
  /** What stands in for a value that is not shown, e.g. 'Binary data, 1,024 bytes'. */
  note: string | null;
  truncated: boolean;
  privateCreator: string | null;
  /** Set when PS3.15 Table E.1-1 lists the attribute. */
  identifying: { reason: string; whenShared: string | null; safePrivate: boolean } | null;
  /** Sequences: each item's attributes. */
  items: AttributeNode[][] | null;
}

export const AttributeNode: z.ZodType<AttributeNode> = z.lazy(() =>
  z.object({
    tag: z.string(),
    keyword: z.string().nullable(),
    name: z.string(),
    vr: z.string().nullable(),
    value: z.string().nullable(),
    note: z.string().nullable(),
    truncated: z.boolean(),
    privateCreator: z.string().nullable(),
    identifying: z.object({ reason: z.string(), whenShared: z.string().nullable(), safePrivate: z.boolean() }).nullable(),
    items: z.array(z.array(AttributeNode)).nullable(),
  }),
);

export const InstanceAttributes = z.object({
  transferSyntax: z.string(),
  characterSet: z.string().nullable(),
  attributes: z.array(AttributeNode),
  /** False when the file ends early or is garbled: the attributes after that point are missing. */
  complete: z.boolean(),
  /** True when the file has more attributes than are shown. */
  limited: z.boolean(),
});
export type InstanceAttributes = z.infer<typeof InstanceAttributes>;

export const ReportLine = z.object({
  depth: z.number().int().min(0),
  kind: z.enum(['heading', 'text', 'measurement', 'code', 'reference', 'other']),
  /** The concept name ('Finding'), or null. */
  label: z.string().nullable(),
  /** 'Mass', '12.5 mm', '2024-03-01'... */
  text: z.string().nullable(),
  /** The relationship to the line above, in plain words ('contains', 'has properties'...). */
  relation: z.string().nullable(),
});
export type ReportLine = z.infer<typeof ReportLine>;

export const StructuredReport = z.object({
  title: z.string().nullable(),
  /** 'Complete' / 'Partial', 'Verified' / 'Unverified' in plain words, when the file says. */
  status: z.array(z.string()),
  lines: z.array(ReportLine),
  truncated: z.boolean(),
});
export type StructuredReport = z.infer<typeof StructuredReport>;

export const ProvenanceImport = z.object({
  sourceLabel: z.string(),
  sourceKind: z.enum(['files', 'folder', 'zip', 'cd']),
  receivedDate: z.string().nullable(),
  handedOverBy: z.string().nullable(),
  /** ISO timestamps. */
  importedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'done', 'cancelled', 'interrupted']),
  /** The file's path inside the source (folder, disc or archive). */
  originalPath: z.string(),
  /** 'imported' for the first copy, 'seen-again' when a later import brought the same file. */
  outcome: z.string(),
});
export type ProvenanceImport = z.infer<typeof ProvenanceImport>;

export const InstanceProvenance = z.object({
  imports: z.array(ProvenanceImport),
  fileSha256: z.string(),
  datasetSha256: z.string().nullable(),
  pixel: z.object({
    status: z.enum(['done', 'pending', 'none', 'failed']),
    /** One hex SHA-256 per frame (at most the first 64; frameCount says how many there are). */
    frameDigests: z.array(z.string()),
    frameCount: z.number().int().min(0),
  }),
  size: z.number().int().min(0),
  transferSyntax: z.string().nullable(),
});
export type InstanceProvenance = z.infer<typeof InstanceProvenance>;

export const detailsMethods = {
  getInstanceAttributes: method(InstanceRef, InstanceAttributes, { needsUnlock: true }),
  getStructuredReport: method(InstanceRef, StructuredReport, { needsUnlock: true }),
  getInstanceProvenance: method(InstanceRef, InstanceProvenance, { needsUnlock: true }),
} as const;
