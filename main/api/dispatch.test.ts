import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/api';
import { CoreError } from '../core/core-error';
import { silentLogger } from '../core/log';
import { createDispatcher } from './dispatch';

function fakeHandlers(overrides: Partial<ApiHandlers>): ApiHandlers {
  return new Proxy(overrides, {
    get: (target, prop: string) => (target as Record<string, unknown>)[prop] ?? (() => Promise.reject(new Error('not faked'))),
  }) as ApiHandlers;
}

const unlocked = { isUnlocked: () => true };

describe('createDispatcher', () => {
  it('answers VAULT_LOCKED for methods that need an open vault, before any handler runs', async () => {
    let called = false;
    const handlers = fakeHandlers({
      listLibrary: async () => { called = true; return { people: [] }; },
      getStatus: async () => ({ state: 'locked' }) as never,
    });
    const dispatch = createDispatcher(handlers, silentLogger, { isUnlocked: () => false });
    expect(await dispatch('listLibrary', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await dispatch('listSeriesInstances', { seriesId: 'not even valid' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(called).toBe(false);
    expect(await dispatch('getStatus', {})).toMatchObject({ ok: true });
  });

  it('refuses unknown methods without calling anything', async () => {
    const dispatch = createDispatcher(fakeHandlers({}), silentLogger, unlocked);
    expect(await dispatch('deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('validates arguments against the contract before the core sees them', async () => {
    let called = false;
    const dispatch = createDispatcher(fakeHandlers({ unlock: async () => { called = true; throw new Error('x'); } }), silentLogger, unlocked);
    const r = await dispatch('unlock', { passphrase: 42 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_REQUEST');
      expect(r.error.message).toContain('passphrase');
    }
    expect(await dispatch('unlock', { passphrase: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(called).toBe(false);
  });

  it("gives the contract's own plain messages as they are, and frames zod's defaults with the field", async () => {
    const dispatch = createDispatcher(fakeHandlers({}), silentLogger, unlocked);
    const received = await dispatch('startImport', { paths: ['/x'], provenance: { sourceLabel: 'CD', receivedDate: '9999-99-99' } });
    expect(received).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!received.ok) {
      expect(received.error.message).not.toContain('The request was not valid');
      expect(received.error.message).not.toMatch(/\.\.$/);
    }
    const wrongType = await dispatch('unlock', { passphrase: 42 });
    if (!wrongType.ok) expect(wrongType.error.message).toMatch(/^The request was not valid \(field “passphrase”\)/);
  });

  it('passes parsed input through and wraps the value', async () => {
    const called: number[] = [];
    const dispatch = createDispatcher(fakeHandlers({ listSeriesInstances: async ({ seriesId }) => { called.push(seriesId); return []; } }), silentLogger, unlocked);
    expect(await dispatch('listSeriesInstances', { seriesId: 7 })).toEqual({ ok: true, value: [] });
    expect(called).toEqual([7]);
  });

  it('keeps the code of expected errors and hides the text of unexpected ones', async () => {
    const dispatch = createDispatcher(fakeHandlers({
      unlock: async () => { throw new CoreError('WRONG_PASSPHRASE'); },
      listLibrary: async () => { throw new Error('ENOENT: /home/jane.doe/secret/path'); },
    }), silentLogger, unlocked);
    expect(await dispatch('unlock', { passphrase: 'nope' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const r = await dispatch('listLibrary', {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(r.error.message).not.toContain('jane');
    }
  });
});
