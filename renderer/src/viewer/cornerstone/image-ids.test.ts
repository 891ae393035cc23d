import { describe, expect, it } from 'vitest';
import { imageIdsFor, parseImageId } from './image-ids';

describe('imageIdsFor', () => {
  it('gives one id for a single-frame image and one per frame otherwise', () => {
    expect(imageIdsFor({ id: 7, frames: null })).toEqual(['scanvault:/bytes/instance/7']);
    expect(imageIdsFor({ id: 7, frames: 3 })).toEqual([
      'scanvault:/bytes/instance/7?frame=1', 'scanvault:/bytes/instance/7?frame=2', 'scanvault:/bytes/instance/7?frame=3',
    ]);
  });

  it('treats a stated frame count below one as one frame', () => {
    expect(imageIdsFor({ id: 2, frames: 0 })).toEqual(['scanvault:/bytes/instance/2?frame=1']);
  });

  it('refuses ids that are not instance ids', () => {
    expect(() => imageIdsFor({ id: 0, frames: null })).toThrow();
  });
});

describe('parseImageId', () => {
  it('reads back what imageIdsFor made', () => {
    expect(parseImageId('scanvault:/bytes/instance/7')).toEqual({ instanceId: 7, frameIndex: 0, url: '/bytes/instance/7' });
    expect(parseImageId('scanvault:/bytes/instance/7?frame=3')).toEqual({ instanceId: 7, frameIndex: 2, url: '/bytes/instance/7' });
  });

  it('reads an outside copy of a compare job, with its own byte path', () => {
    expect(imageIdsFor({ id: 4, frames: null }, 'compare-copy')).toEqual(['scanvault:/bytes/compare-copy/4']);
    expect(parseImageId('scanvault:/bytes/compare-copy/4?frame=2')).toEqual({ instanceId: 4, frameIndex: 1, url: '/bytes/compare-copy/4' });
  });

  it('rejects anything else', () => {
    for (const id of ['wadouri:/bytes/instance/7', 'scanvault:/bytes/attachment/7', 'scanvault:/bytes/instance/0', 'scanvault:/bytes/instance/7?frame=0', 'scanvault:/bytes/instance/7&x']) {
      expect(parseImageId(id)).toBeNull();
    }
  });
});
