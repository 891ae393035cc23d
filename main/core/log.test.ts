import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('createLogger', () => {
  it('prints only event names, numbers and codes — never free text', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.info('import.done', { imported: 3, ok: true });
    log.warn('DOE^JANE was here', { files: 1 }, 'NOT A CODE Jane');
    // Strings smuggled in through a cast are dropped.
    log.info('x', { name: 'DOE^JANE' } as unknown as Record<string, number>);
    expect(lines).toEqual([
      '[scanvault] info import.done imported=3 ok=true',
      '[scanvault] warn invalid-event-name code=UNKNOWN files=1',
      '[scanvault] info x',
    ]);
  });
});
