import { API_METHODS, type ScanVaultApi } from '../../../shared/api';
import type { Result } from '../../../shared/errors';

/**
 * Wraps the API so that any call answered with VAULT_LOCKED (the core locked the vault after
 * inactivity, or the browser session ended) tells the app at once, instead of each screen
 * having to notice.
 */
export function watchLock(api: ScanVaultApi, onLocked: () => void): ScanVaultApi {
  const wrapped: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  const source = api as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>;
  for (const method of API_METHODS) {
    wrapped[method] = async (input: unknown) => {
      const result = await source[method]!(input);
      if (!result.ok && result.error.code === 'VAULT_LOCKED') onLocked();
      return result;
    };
  }
  return wrapped as unknown as ScanVaultApi;
}
