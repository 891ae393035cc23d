/** Checking an outside copy against the vault's originals, as a job (result: Job.compareReport). */
import { z } from 'zod';
import { method } from './method';

export const CompareRequest = z.object({
  /** Files, folders or zip archives on this computer (read, never stored). */
  paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000).optional(),
  /** An upload from the browser host (beginUpload, then the files POSTed), held in memory only. */
  uploadId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
}).strict().refine((r) => (r.paths ? 1 : 0) + (r.uploadId ? 1 : 0) === 1, 'Give either paths or an upload, not both');

export const compareMethods = {
  startCompare: method(CompareRequest, z.object({ jobId: z.string() }), { needsUnlock: true }),
} as const;
