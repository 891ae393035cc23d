/**
 * A 3-component DCT JPEG says whether its samples went through the RGB-to-YCbCr transform only by
 * convention: a JFIF marker (YCbCr) or an Adobe APP14 marker (its transform flag). With neither,
 * libjpeg (the browser's decoder) guesses YCbCr unless the component ids are 'R', 'G', 'B', while
 * dcmtk, GDCM and pydicom take the DICOM header's word: Photometric Interpretation RGB means the
 * samples are RGB as stored. So such a stream gets an Adobe marker saying "no transform" (what
 * libjpeg then honours) before it is decoded. Pure functions of the bytes.
 */

/** What the stream's markers, up to its first scan, say about its colour. */
export interface JpegColourMarkers {
  jfif: boolean;
  adobe: boolean;
  components: number;
}

/** Reads the markers before the first start-of-scan; null when the bytes are not a JPEG stream. */
export function jpegColourMarkers(stream: Uint8Array): JpegColourMarkers | null {
  if (stream[0] !== 0xff || stream[1] !== 0xd8) return null;
  const found: JpegColourMarkers = { jfif: false, adobe: false, components: 0 };
  let at = 2;
  while (at + 4 <= stream.length) {
    if (stream[at] !== 0xff) return null;
    const marker = stream[at + 1] ?? 0;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    const length = ((stream[at + 2] ?? 0) << 8) | (stream[at + 3] ?? 0);
    const body = stream.subarray(at + 4, at + 2 + length);
    const text = (n: number): string => String.fromCharCode(...body.subarray(0, n));
    if (marker === 0xe0 && text(5) === 'JFIF\0') found.jfif = true;
    if (marker === 0xee && text(5) === 'Adobe') found.adobe = true;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision(1) lines(2) samples(2) Nf(1).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) found.components = body[5] ?? 0;
    if (marker === 0xda) return found;
    at += 2 + length;
  }
  return null;
}

/** APP14 "Adobe", version 100, no flags, transform 0: the samples are stored as they are (RGB). */
const ADOBE_NO_TRANSFORM = Uint8Array.from([0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, 0]);

/**
 * The stream with an Adobe "no transform" marker after its start, when the header says RGB and
 * the stream itself says nothing about its colour; null when it needs no change.
 */
export function withoutColourTransform(stream: Uint8Array, photometric: string): Uint8Array | null {
  if (photometric !== 'RGB') return null;
  const markers = jpegColourMarkers(stream);
  if (markers === null || markers.components !== 3 || markers.jfif || markers.adobe) return null;
  const out = new Uint8Array(stream.length + ADOBE_NO_TRANSFORM.length);
  out.set(stream.subarray(0, 2));
  out.set(ADOBE_NO_TRANSFORM, 2);
  out.set(stream.subarray(2), 2 + ADOBE_NO_TRANSFORM.length);
  return out;
}
