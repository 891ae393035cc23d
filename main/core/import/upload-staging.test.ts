import { describe, expect, it } from 'vitest';
import { UPLOAD_REASONS } from '../../../shared/api/upload';
import { UploadStaging } from './upload-staging';

const LIMITS = { maxFileBytes: 100, maxUploadBytes: 150, maxStagedBytes: 200 };
const meta = (uploadId: string, size: number, relativePath = 'IM1') => ({ uploadId, relativePath, size });

function reserved(staging: UploadStaging, uploadId: string, size: number) {
  const r = staging.reserve(meta(uploadId, size));
  if (!r.ok) throw new Error(r.reason);
  return r.reservation;
}

describe('UploadStaging', () => {
  it('counts room reserved for files still arriving, and gives it back when they fail', () => {
    const staging = new UploadStaging(LIMITS);
    const a = staging.begin();
    const first = reserved(staging, a, 100);
    expect(staging.reserve(meta(a, 60))).toEqual({ ok: false, status: 413, reason: UPLOAD_REASONS.uploadTooLarge });
    first.release();
    first.release(); // twice gives back once
    const second = reserved(staging, a, 100);
    second.bytes.fill(1);
    expect(second.commit()).toBe(true);
    expect(staging.take(a)).toEqual([{ relativePath: 'IM1', bytes: Buffer.alloc(100, 1) }]);
  });

  it('drops everything on lock: a file arriving meanwhile is refused, and the room is whole again', () => {
    const staging = new UploadStaging(LIMITS);
    const [a, b] = [staging.begin(), staging.begin()];
    const late = reserved(staging, a, 100);
    reserved(staging, b, 100);
    staging.clear();
    expect(late.commit()).toBe(false);
    const c = staging.begin();
    expect(reserved(staging, c, 100).commit()).toBe(true);
    expect(reserved(staging, staging.begin(), 100).commit()).toBe(true);
    expect(staging.reserve(meta(staging.begin(), 1))).toMatchObject({ ok: false, reason: UPLOAD_REASONS.stagingFull });
    expect(() => staging.take(a)).toThrow();
  });

  it('keeps the room of a file still arriving when its upload is taken, until it settles', () => {
    const staging = new UploadStaging(LIMITS);
    const a = staging.begin();
    const arriving = reserved(staging, a, 100);
    expect(staging.take(a)).toEqual([]);
    reserved(staging, staging.begin(), 100);
    expect(staging.reserve(meta(staging.begin(), 1))).toMatchObject({ ok: false, reason: UPLOAD_REASONS.stagingFull });
    expect(arriving.commit()).toBe(false); // its upload is gone
    expect(staging.reserve(meta(staging.begin(), 100))).toMatchObject({ ok: true });
  });
});
