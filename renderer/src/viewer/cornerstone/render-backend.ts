/**
 * Where a stack viewport draws: Cornerstone's WebGL path or its CPU path (canvas 2D).
 *
 * Without a usable GPU, WebGL runs on a software rasteriser (SwiftShader, llvmpipe) and every
 * picture drawn offscreen must then be read back for the page: measured on this project's 2-core
 * machine, 51 ms a picture and 15 fps cine, against about 20 ms and 28 fps on the CPU path. So on a
 * software rasteriser stacks draw on the CPU; with a real GPU they stay on WebGL. Side views
 * (volume viewports) always use WebGL, and so does a stack whose first picture the CPU path cannot
 * draw right (needsWebGl).
 */
export type StackBackend = 'cpu' | 'webgl';

export interface RenderingCapabilities {
  webgl: boolean;
  softwareRasterizer?: boolean;
}

/** The backend a new stack viewport starts on. No WebGL at all: Cornerstone is on the CPU anyway. */
export function preferredStackBackend(capabilities: RenderingCapabilities): StackBackend {
  return !capabilities.webgl || capabilities.softwareRasterizer === true ? 'cpu' : 'webgl';
}

/** What about a picture decides whether the CPU path can draw it right. */
export interface PictureTraits {
  /** VOI LUT Function (0028,1056). */
  voiLutFunction?: string | null | undefined;
  /** Whether the file carries a VOI LUT Sequence (0028,3010). */
  hasVoiLut?: boolean | undefined;
  color?: boolean | undefined;
  bitsAllocated?: number | null | undefined;
}

/**
 * Whether a picture can only be drawn right on WebGL. The CPU path has no sigmoid window; with a
 * VOI LUT Sequence it keeps applying the file's LUT after the patient sets a window of their own;
 * and it cannot allocate colour pictures of more than 8 bits a sample (each found by the
 * display-values test against dcm2pnm, e2e/viewer-display.spec.ts).
 */
export function needsWebGl(picture: PictureTraits): boolean {
  const sigmoid = typeof picture.voiLutFunction === 'string' && picture.voiLutFunction.trim().toUpperCase() === 'SIGMOID';
  const wideColour = picture.color === true && (picture.bitsAllocated ?? 8) > 8;
  return sigmoid || picture.hasVoiLut === true || wideColour;
}

/**
 * The backend for a stack: the preferred one, unless its first picture needs WebGL and WebGL
 * exists. Without WebGL such a picture is still drawn (as well as the CPU can) rather than not at all.
 */
export function stackBackendFor(capabilities: RenderingCapabilities, picture: PictureTraits): StackBackend {
  return capabilities.webgl && needsWebGl(picture) ? 'webgl' : preferredStackBackend(capabilities);
}
