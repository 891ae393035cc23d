/** What the AI-use record's handlers share: the open vault, the clock, and plain messages. */
import { CoreError } from '../core-error';
import type { OpenVault } from '../vault/vault';

export interface AiContext {
  vault: () => OpenVault;
  now: () => number;
}

export const nowIso = (ctx: AiContext): string => new Date(ctx.now()).toISOString();
/** Today as YYYY-MM-DD (UTC), for due dates and the default "answered on". */
export const today = (ctx: AiContext): string => nowIso(ctx).slice(0, 10);

export const GONE = {
  exam: 'That exam is no longer in the vault. Go back to the exam list and try again.',
  person: 'That person is no longer in the vault. Go back to the library and try again.',
  study: 'That study is no longer in the vault. Refresh the library and choose it again.',
  provider: 'That facility or company is no longer in the vault. Choose it again from the list.',
  document: 'That document is no longer in the vault. Go back to the exam and try again.',
  letter: 'That letter is no longer in the vault. Go back to the exam and try again.',
  answer: 'The answer being carried over is no longer in the vault. Record the answer yourself instead.',
} as const;

export function notFound(what: keyof typeof GONE): CoreError {
  return new CoreError('NOT_FOUND', GONE[what]);
}

export function badRequest(message: string): CoreError {
  return new CoreError('BAD_REQUEST', message);
}
