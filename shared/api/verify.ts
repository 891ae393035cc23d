/** Checking the vault: every stored file, fingerprint and the history log. */
import { z } from 'zod';
import { Anchor } from '../domain';
import { method } from './method';

export const verifyMethods = {
  startVerify: method(z.object({ anchor: Anchor.optional() }).strict(), z.object({ jobId: z.string() }), { needsUnlock: true }),
} as const;
