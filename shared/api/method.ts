import { z } from 'zod';

/**
 * One contract method. `needsUnlock`: the dispatcher answers VAULT_LOCKED before the handler runs
 * when no vault is open, so handlers of such methods may assume an open vault.
 */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, opts: { needsUnlock: boolean }) {
  return { input, output, ...opts };
}

export const Empty = z.object({}).strict();
export const Passphrase = z.string().min(1).max(1024);
export const JobRef = z.object({ jobId: z.string().regex(/^[a-f0-9]{16,64}$/) }).strict();
