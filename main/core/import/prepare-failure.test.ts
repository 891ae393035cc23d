import { describe, expect, it } from 'vitest';
import { memorySourceFile } from '../../test-support/import/memory-source-file';
import { silentLogger, type Logger } from '../log';
import { ERROR_MESSAGES } from '../sources/messages';
import { VaultError } from '../vault/errors';
import type { OpenVault } from '../vault/vault';
import { FAILURE_REASONS, perFileFailures } from './prepare-failure';
import type { Preparer } from './prepare-pool';

const file = memorySourceFile('CD/IM1', Buffer.from('x'));
const openVault = { isOpen: true } as OpenVault;

function failingWith(error: Error): Preparer {
  return { filesAhead: 3, prepare: () => Promise.reject(error), close: () => Promise.resolve() };
}

const coded = (name: string, code: string): Error => Object.assign(new Error(`${name} /home/jane/scans/IM1`), { code });

describe('perFileFailures', () => {
  it.each([
    ['a buffer past 2 GiB', new RangeError('Array buffer allocation failed'), FAILURE_REASONS.TOO_LARGE, 'FILE_TOO_LARGE'],
    ['a whole-file read past 2 GiB', coded('File size is greater than 2 GiB', 'ERR_FS_FILE_TOO_LARGE'), FAILURE_REASONS.TOO_LARGE, 'FILE_TOO_LARGE'],
    ['memory running out', coded('Cannot allocate memory', 'ENOMEM'), FAILURE_REASONS.OUT_OF_MEMORY, 'OUT_OF_MEMORY'],
    ['a worker out of memory', coded('Worker terminated due to reaching memory limit', 'ERR_WORKER_OUT_OF_MEMORY'), FAILURE_REASONS.OUT_OF_MEMORY, 'OUT_OF_MEMORY'],
    ['a full disk', coded('no space left on device', 'ENOSPC'), FAILURE_REASONS.DISK_FULL, 'DISK_FULL'],
    ['a disc read error', coded('i/o error', 'EIO'), ERROR_MESSAGES.FILE_READ_FAILED, 'FILE_READ_FAILED'],
    ['anything else', new TypeError('x is undefined'), FAILURE_REASONS.UNEXPECTED, 'UNEXPECTED'],
  ])('turns %s into this file\'s plain-language failure, logging only a code', async (_name, error, reason, code) => {
    const logged: unknown[] = [];
    const log: Logger = { info: () => undefined, warn: (...args) => logged.push(args) };
    const preparer = perFileFailures(openVault, failingWith(error), log);
    expect(await preparer.prepare(file)).toEqual({ kind: 'read-failed', path: 'CD/IM1', size: 1, error: reason });
    expect(logged).toEqual([['import.file-failed', {}, code]]);
    expect(preparer.filesAhead).toBe(3);
  });

  it('still ends the import when the vault locked', async () => {
    await expect(perFileFailures(openVault, failingWith(new VaultError('VAULT_LOCKED')), silentLogger).prepare(file)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    const closed = { isOpen: false } as OpenVault;
    await expect(perFileFailures(closed, failingWith(new Error('gone')), silentLogger).prepare(file)).rejects.toThrow('gone');
  });
});
