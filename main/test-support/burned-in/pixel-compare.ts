/** Test helper: decoded stored values of every frame of a file, to compare originals and masked copies. */
import { openImage, type ImageInfo } from '../../core/share/burned-in/image-frames';
import { nativeLayout } from '../../core/share/burned-in/native-layout';
import { storedValue } from '../../core/share/burned-in/paint';

export interface DecodedImage {
  info: ImageInfo;
  /** Stored value of `sample` at pixel (x, y) of `frame`. */
  at(frame: number, x: number, y: number, sample: number): number;
  /** Values a pixel has (3 colour, 1 grey; Y Y Cb Cr pairs count as 1: luminance only). */
  samples: number;
}

export async function decodeAll(bytes: Uint8Array): Promise<DecodedImage> {
  const image = openImage(bytes);
  const { info, geometry } = image;
  const frames: Uint8Array[] = [];
  for (let f = 0; f < info.frames; f++) frames.push(await image.frame(f));
  const layout = nativeLayout(info, { planar: false, subsampled422: !info.encapsulated && geometry.subsampled422, littleEndian: true });
  return {
    info,
    samples: geometry.subsampled422 && !info.encapsulated ? 1 : info.samplesPerPixel,
    at: (f, x, y, s) => storedValue(layout.read(frames[f]!, 0, y * info.columns + x, s), info),
  };
}
