/**
 * Makes a small 8-bit greyscale preview from native (uncompressed) pixel data, in memory only.
 * Windowing uses the 1st–99th percentile of the modality values, which suits any modality without
 * trusting vendor window presets.
 */
export interface PixelLayout {
  rows: number;
  columns: number;
  bitsAllocated: number;
  samplesPerPixel: number;
  pixelRepresentation: number;
  planarConfiguration: number;
  photometric: string;
  littleEndian: boolean;
}

export interface Preview { width: number; height: number; gray: Uint8Array }

export function makePreview(pixels: Uint8Array, layout: PixelLayout, maxSize = 128): Preview | null {
  const { rows, columns } = layout;
  if (rows <= 0 || columns <= 0 || ![8, 16].includes(layout.bitsAllocated)) return null;
  const values = toLuminance(pixels, layout);
  if (!values) return null;
  const scale = Math.min(1, maxSize / Math.max(rows, columns));
  const width = Math.max(1, Math.round(columns * scale));
  const height = Math.max(1, Math.round(rows * scale));
  const [lo, hi] = percentiles(values);
  const range = hi - lo || 1;
  const invert = layout.photometric === 'MONOCHROME1';
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(rows - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(columns - 1, Math.floor(x / scale));
      const v = values[sy * columns + sx] ?? lo;
      let g = Math.round(((v - lo) / range) * 255);
      g = g < 0 ? 0 : g > 255 ? 255 : g;
      gray[y * width + x] = invert ? 255 - g : g;
    }
  }
  return { width, height, gray };
}

function toLuminance(pixels: Uint8Array, l: PixelLayout): Float32Array | null {
  const count = l.rows * l.columns;
  const out = new Float32Array(count);
  const bytesPerSample = l.bitsAllocated / 8;
  if (pixels.length < count * l.samplesPerPixel * bytesPerSample) return null;
  const view = new DataView(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const sample = (index: number): number => {
    if (bytesPerSample === 1) return pixels[index] ?? 0;
    const off = index * 2;
    return l.pixelRepresentation === 1 ? view.getInt16(off, l.littleEndian) : view.getUint16(off, l.littleEndian);
  };
  if (l.samplesPerPixel === 1) {
    for (let i = 0; i < count; i++) out[i] = sample(i);
    return out;
  }
  if (l.samplesPerPixel !== 3 || !l.photometric.startsWith('RGB')) return null;
  for (let i = 0; i < count; i++) {
    const [r, g, b] = l.planarConfiguration === 1
      ? [sample(i), sample(count + i), sample(2 * count + i)]
      : [sample(3 * i), sample(3 * i + 1), sample(3 * i + 2)];
    out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return out;
}

function percentiles(values: Float32Array): [number, number] {
  const step = Math.max(1, Math.floor(values.length / 10_000));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += step) sample.push(values[i] ?? 0);
  sample.sort((a, b) => a - b);
  const at = (q: number): number => sample[Math.min(sample.length - 1, Math.floor(q * (sample.length - 1)))] ?? 0;
  return [at(0.01), at(0.99)];
}
