/** Checking the vault: every stored file, fingerprint and the history log. */
import { z } from 'zod';
import { Empty, method } from './method';

export const verifyMethods = {
  startVerify: method(Empty, z.object({ jobId: z.string() }), { needsUnlock: true }),
} as const;
