/** Importing copies: by path, through the desktop picker, or uploaded to the browser host. */
import { z } from 'zod';
import { ImportRequest } from '../domain';
import { Empty, method } from './method';

export const importMethods = {
  /** Desktop app only: opens the system's file or folder picker and returns what the person chose. */
  pickImportPaths: method(
    z.object({ kind: z.enum(['files', 'folder']) }).strict(),
    z.object({ paths: z.array(z.string()) }),
    { needsUnlock: true },
  ),
  /** Browser host only: opens an in-memory staging area that files are then POSTed to. */
  beginUpload: method(Empty, z.object({ uploadId: z.string() }), { needsUnlock: true }),
  startImport: method(ImportRequest, z.object({ jobId: z.string() }), { needsUnlock: true }),
} as const;
