/**
 * Test helper: burns text (a name, an ID) into a copy of a DICOM file's uncompressed pixels at known
 * places, in the brightest value the image already holds (the darkest stored value for
 * MONOCHROME1, which displays white), white for colour. Returns where each text was put.
 */
import { openImage } from '../../core/share/burned-in/image-frames';
import { nativeLayout } from '../../core/share/burned-in/native-layout';
import { storedValue } from '../../core/share/burned-in/paint';
import type { TextRegion } from '../../core/share/burned-in/types';
import { renderText } from './text-bitmap';

export interface Plant {
  text: string;
  x: number;
  y: number;
  px: number;
  /** Only this frame; default every frame. */
  frame?: number;
}

export interface PlantedFile {
  bytes: Uint8Array;
  /** Inked extent of each plant, in plant order. */
  boxes: TextRegion[];
}

export function plantText(file: Uint8Array, plants: readonly Plant[]): PlantedFile {
  const image = openImage(file);
  const { info, header, geometry } = image;
  const pixel = header.pixelData;
  if (info.encapsulated || pixel === null || pixel.length === null || header.layout.dataset.bytes !== file) {
    throw new Error('plantText needs uncompressed pixel data');
  }
  const out = Uint8Array.from(file);
  const data = out.subarray(pixel.offset, pixel.offset + pixel.length);
  const layout = nativeLayout(info, { planar: geometry.colourByPlane, subsampled422: geometry.subsampled422, littleEndian: header.layout.encoding.littleEndian });
  const pixels = info.rows * info.columns;
  let low = Infinity, high = -Infinity;
  for (let f = 0; f < info.frames; f++) {
    for (let p = 0; p < pixels; p++) {
      const v = storedValue(layout.read(data, f, p, 0), info);
      low = Math.min(low, v); high = Math.max(high, v);
    }
  }
  const grey = info.photometric === 'MONOCHROME1' ? low : high;
  const ink = info.samplesPerPixel === 1 ? [grey] : [255, 255, 255];
  const boxes = plants.map((plant) => {
    const bitmap = renderText(plant.text, plant.px);
    for (let f = 0; f < info.frames; f++) {
      if (plant.frame !== undefined && plant.frame !== f) continue;
      for (let y = 0; y < bitmap.height; y++) {
        for (let x = 0; x < bitmap.width; x++) {
          if (bitmap.ink[y * bitmap.width + x] !== 1) continue;
          const px = plant.x + x, py = plant.y + y;
          if (px >= info.columns || py >= info.rows) continue;
          ink.forEach((v, s) => layout.write(data, f, py * info.columns + px, s, v));
        }
      }
    }
    return { x: plant.x, y: plant.y, width: bitmap.width, height: bitmap.height, frame: plant.frame ?? null };
  });
  return { bytes: out, boxes };
}
