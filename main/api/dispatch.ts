import { apiContract, isApiMethod, type ApiHandlers, type ApiMethod } from '../../shared/api';
import { apiError, type Result } from '../../shared/errors';
import { toCoreError } from '../core/core-error';
import type { Logger } from '../core/log';

/** Whether a vault is open: methods marked needsUnlock are refused with VAULT_LOCKED otherwise. */
export interface VaultGate {
  isUnlocked(): boolean;
}

export type Dispatch = (method: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point every host uses: checks the method name against the contract, parses the
 * argument with its schema, refuses methods that need an open vault while it is locked, calls the core and turns every failure into a safe Result.
 */
export function createDispatcher(handlers: ApiHandlers, log: Logger, gate: VaultGate): Dispatch {
  return async (method, rawInput) => {
    if (!isApiMethod(method)) return { ok: false, error: apiError('BAD_REQUEST') };
    // Before parsing too: a locked vault says only that it is locked.
    if (apiContract[method].needsUnlock && !gate.isUnlocked()) return { ok: false, error: apiError('VAULT_LOCKED') };
    const parsed = apiContract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      log.warn('api.bad-request', { issues: parsed.error.issues.length }, 'BAD_REQUEST');
      const first = parsed.error.issues[0];
      const where = first ? first.path.join('.') : '';
      const message = first?.message ?? 'unknown problem';
      // The contract's own messages are plain sentences for the person; zod's defaults are not.
      const plain = /[.!?]$/.test(message) ? message : `The request was not valid${where ? ` (field “${where}”)` : ''}: ${message}.`;
      return { ok: false, error: apiError('BAD_REQUEST', plain) };
    }
    try {
      const value = await callHandler(handlers, method, parsed.data);
      return { ok: true, value };
    } catch (err) {
      const coreError = toCoreError(err);
      if (coreError.code === 'INTERNAL') log.warn('api.internal-error', {}, 'INTERNAL');
      return { ok: false, error: apiError(coreError.code, coreError.message) };
    }
  };
}

function callHandler<M extends ApiMethod>(handlers: ApiHandlers, method: M, input: unknown): Promise<unknown> {
  const handler = handlers[method] as (i: unknown) => Promise<unknown>;
  return handler.call(handlers, input);
}
