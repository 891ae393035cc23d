import { describe, expect, it } from 'vitest';
import type { ScanVaultApi } from '../../../../shared/api';
import { UPLOAD_LIMITS, UPLOAD_REASONS } from '../../../../shared/api/upload';
import type { PickedFile } from './selection';
import { sendFiles } from './upload';

/** A File that reports `size` without holding that many bytes. */
function sized(relativePath: string, size: number): PickedFile {
  const file = new File(['x'], relativePath.split('/').pop() ?? 'f');
  Object.defineProperty(file, 'size', { value: size });
  return { relativePath, file };
}

describe('sendFiles', () => {
  const calls: string[] = [];
  const api = { beginUpload: () => { calls.push('begin'); return Promise.resolve({ ok: true, value: { uploadId: 'a'.repeat(32) } }); } } as unknown as ScanVaultApi;
  const upload = (_id: string, path: string) => { calls.push(path); return Promise.resolve({ ok: true }); };

  it('refuses, before sending anything, a file or a selection over the browser limits', async () => {
    calls.length = 0;
    const one = await sendFiles(api, upload, [sized('CD/IM1', 10), sized('CD/BIG', UPLOAD_LIMITS.maxFileBytes + 1)], () => undefined, () => false);
    expect(one).toEqual({ ok: false, message: `“CD/BIG”: ${UPLOAD_REASONS.fileTooLarge} Nothing was sent.` });
    const many = Array.from({ length: 3 }, (_, i) => sized(`CD/IM${i}`, UPLOAD_LIMITS.maxFileBytes));
    expect(await sendFiles(api, upload, many, () => undefined, () => false)).toEqual({ ok: false, message: `${UPLOAD_REASONS.uploadTooLarge} Nothing was sent.` });
    expect(calls).toEqual([]);
    expect(await sendFiles(api, upload, [sized('CD/IM1', 10)], () => undefined, () => false)).toEqual({ ok: true, uploadId: 'a'.repeat(32) });
    expect(calls).toEqual(['begin', 'CD/IM1']);
  });
});
