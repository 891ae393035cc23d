/**
 * One stack viewport: shows a series' image ids, moves through them, changes the window, zoom,
 * rotation, mirror and inversion, and reports what it shows. The React side holds one of these per
 * viewport cell and never touches Cornerstone itself.
 */
import { Enums, getRenderingCapabilities, imageLoader, metaData, utilities, type RenderingEngine, type StackViewport, type Types } from '@cornerstonejs/core';
import { prefetchAhead } from './prefetch';
import { rangeToWindow, windowRange, type WindowPreset } from './presets';
import { recordTiming } from './timings';
import { cpuZoomReadout, shownZoom } from './fit-zoom';
import { preferredStackBackend, stackBackendFor, type StackBackend } from './render-backend';

export interface StackState {
  index: number;
  count: number;
  imageId: string | null;
  windowWidth: number | null;
  windowCenter: number | null;
  /** 1 = the picture fitted to the viewport; null while no picture is drawn. */
  zoom: number | null;
  rotation: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
  invert: boolean;
  sliceLocation: number | null;
  instanceNumber: number | null;
}

export interface FileWindow {
  label: string;
  width: number;
  center: number;
}

interface PlaneModule { sliceLocation?: number | null }
interface GeneralImageModule { instanceNumber?: number | null }
interface VoiModule { windowWidth?: number[] | number | null; windowCenter?: number[] | number | null }
interface CineModule { frameTime?: number | null; cineRate?: number | null }

const asList = (v: number[] | number | null | undefined): number[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);

export class StackView {
  /** Where this viewport draws; also on the element (data-renderer) for tests and the benchmark. */
  backend: StackBackend = 'webgl';
  private readonly viewport: StackViewport;
  private imageIds: string[] = [];

  constructor(readonly engine: RenderingEngine, readonly viewportId: string, readonly element: HTMLDivElement) {
    engine.enableElement({
      viewportId,
      type: Enums.ViewportType.STACK,
      element,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    this.viewport = engine.getViewport<StackViewport>(viewportId);
    this.useBackend(preferredStackBackend(getRenderingCapabilities()));
  }

  /** Shows these pictures, starting at `index`; resolves when the first one is on screen. */
  async show(imageIds: string[], index = 0): Promise<void> {
    this.imageIds = imageIds;
    const start = Math.max(0, Math.min(imageIds.length - 1, index));
    // The backend follows the series (render-backend.ts): the first picture is loaded to see what it
    // needs, before it is drawn. setStack then finds it in the cache.
    const first = imageIds[start];
    // A picture that cannot be loaded is left to setStack, which reports it as it always has.
    const image = first === undefined ? null : await imageLoader.loadAndCacheImage(first).catch(() => null);
    if (first !== undefined && image !== null) {
      const pixel = metaData.get('imagePixelModule', first) as { bitsAllocated?: number } | undefined;
      this.useBackend(stackBackendFor(getRenderingCapabilities(), {
        voiLutFunction: image.voiLUTFunction,
        hasVoiLut: (image.voiLUT?.lut.length ?? 0) > 0,
        color: image.color,
        bitsAllocated: pixel?.bitsAllocated ?? null,
      }));
    }
    await this.viewport.setStack(imageIds, start);
    this.viewport.render();
  }

  private useBackend(backend: StackBackend): void {
    const useCpu = backend === 'cpu';
    if (useCpu !== this.viewport.getUseCustomRenderingPipeline()) {
      this.viewport.setUseCPURendering(useCpu);
      // Cornerstone's engine asks each viewport which pipeline draws it, but StackViewport answers
      // from the global CPU flag, not its own: a stack switched alone would be sent down the WebGL
      // path and come out black. So the instance answers for itself.
      (this.viewport as unknown as { getUseCustomRenderingPipeline: () => boolean }).getUseCustomRenderingPipeline = () => useCpu;
      // Switching resets the WebGL camera to an empty one; the next stack must fit it again.
      if (!useCpu) this.viewport.resetCamera();
    }
    this.backend = backend;
    this.element.dataset.renderer = backend;
  }

  get count(): number {
    return this.imageIds.length;
  }

  state(): StackState {
    const vp = this.viewport;
    const index = this.imageIds.length ? vp.getCurrentImageIdIndex() : 0;
    const imageId = this.imageIds[index] ?? null;
    const props = vp.getProperties();
    const range = props.voiRange;
    const win = range ? rangeToWindow(range.lower, range.upper) : null;
    const camera = vp.getCamera();
    const plane = imageId ? (metaData.get('imagePlaneModule', imageId) as PlaneModule | undefined) : undefined;
    const general = imageId ? (metaData.get('generalImageModule', imageId) as GeneralImageModule | undefined) : undefined;
    return {
      index,
      count: this.imageIds.length,
      imageId,
      windowWidth: win?.width ?? null,
      windowCenter: win?.center ?? null,
      zoom: this.zoomReadout(),
      rotation: vp.getViewPresentation().rotation ?? 0,
      flipHorizontal: camera.flipHorizontal ?? false,
      flipVertical: camera.flipVertical ?? false,
      invert: props.invert ?? false,
      sliceLocation: typeof plane?.sliceLocation === 'number' ? plane.sliceLocation : null,
      instanceNumber: typeof general?.instanceNumber === 'number' ? general.instanceNumber : null,
    };
  }

  /** Zoom against the fitted picture on both paths (fit-zoom.ts); null while no picture is drawn. */
  private zoomReadout(): number | null {
    const raw = this.viewport.getZoom();
    const image = this.backend === 'cpu' ? this.viewport.getCornerstoneImage() : undefined;
    if (image === undefined) return shownZoom(raw);
    const { canvas } = this.viewport;
    return shownZoom(cpuZoomReadout(raw, {
      canvasWidth: canvas.width, canvasHeight: canvas.height, columns: image.columns, rows: image.rows,
      rowSpacing: image.rowPixelSpacing ?? 0, columnSpacing: image.columnPixelSpacing ?? 0,
    }));
  }

  /** Calls `listener` after each render (new picture, window, zoom...). */
  onRender(listener: () => void): () => void {
    this.element.addEventListener(Enums.Events.IMAGE_RENDERED, listener);
    return () => this.element.removeEventListener(Enums.Events.IMAGE_RENDERED, listener);
  }

  async go(index: number): Promise<void> {
    if (!this.imageIds.length) return;
    const target = Math.max(0, Math.min(this.imageIds.length - 1, index));
    // Load what comes next while this one shows; cine then finds it decoded.
    prefetchAhead(this.imageIds, target);
    if (target === this.viewport.getCurrentImageIdIndex()) return;
    // Render time: from the picture being set to the viewport saying it is drawn (listening first,
    // so a render inside setImageIdIndex is not missed).
    let renderedAt = 0;
    const rendered = new Promise<void>((resolve) => {
      const done = (): void => { renderedAt = performance.now(); this.element.removeEventListener(Enums.Events.IMAGE_RENDERED, done); resolve(); };
      this.element.addEventListener(Enums.Events.IMAGE_RENDERED, done);
    });
    await this.viewport.setImageIdIndex(target);
    const set = performance.now();
    await rendered;
    recordTiming('render', Math.max(0, renderedAt - set));
  }

  setWindow(width: number, center: number): void {
    this.viewport.setProperties({ voiRange: windowRange(width, center) });
    this.viewport.render();
  }

  applyPreset(preset: WindowPreset): void {
    this.setWindow(preset.width, preset.center);
  }

  /** The windows the file itself records (Window Center/Width, with their explanations when given). */
  fileWindows(): FileWindow[] {
    const imageId = this.imageIds[this.viewport.getCurrentImageIdIndex()];
    if (!imageId) return [];
    const voi = metaData.get('voiLutModule', imageId) as VoiModule | undefined;
    const widths = asList(voi?.windowWidth);
    const centers = asList(voi?.windowCenter);
    return widths.flatMap((width, i) => {
      const center = centers[i];
      return center === undefined || !(width > 0) ? [] : [{ label: widths.length > 1 ? `File window ${i + 1}` : 'File window', width, center }];
    });
  }

  /** Back to the window the picture opened with (the file's, or one computed from its values). */
  resetWindow(): void {
    const invert = this.viewport.getProperties().invert ?? false;
    this.viewport.resetProperties();
    if (invert) this.viewport.setProperties({ invert });
    this.viewport.render();
  }

  rotate(degrees: number): void {
    const current = this.viewport.getViewPresentation().rotation ?? 0;
    this.viewport.setViewPresentation({ rotation: (((current + degrees) % 360) + 360) % 360 });
    this.viewport.render();
  }

  flip(axis: 'horizontal' | 'vertical'): void {
    const camera = this.viewport.getCamera();
    this.viewport.setCamera(axis === 'horizontal' ? { flipHorizontal: !camera.flipHorizontal } : { flipVertical: !camera.flipVertical });
    this.viewport.render();
  }

  invert(): void {
    this.viewport.setProperties({ invert: !(this.viewport.getProperties().invert ?? false) });
    this.viewport.render();
  }

  /** Zoom, position, turn, mirror, inversion and window back to how the picture opened. */
  reset(): void {
    this.viewport.resetCamera();
    this.viewport.resetProperties();
    this.viewport.render();
  }

  /** The file's frame rate (Cine Rate or Frame Time), for multi-frame cine. */
  fileFrameRate(): { cineRate: number | null; frameTimeMs: number | null } {
    const imageId = this.imageIds[0];
    const cine = imageId ? (metaData.get('cineModule', imageId) as CineModule | undefined) : undefined;
    return { cineRate: cine?.cineRate ?? null, frameTimeMs: cine?.frameTime ?? null };
  }

  /** Canvas pixel -> image pixel (column, row), for tests and the measurement check. */
  canvasToImage(x: number, y: number): [number, number] | null {
    const imageId = this.imageIds[this.viewport.getCurrentImageIdIndex()];
    if (!imageId) return null;
    const world = this.viewport.canvasToWorld([x, y]);
    const ij = utilities.worldToImageCoords(imageId, world);
    return ij ? [ij[0], ij[1]] : null;
  }

  /** Image position (column, row; pixel centres at whole numbers) -> canvas CSS pixel, for overlays. */
  imageToCanvas(column: number, row: number): [number, number] | null {
    // From the viewport's own image data, not the file's plane metadata (which a file may lack).
    const data = this.imageIds.length ? this.viewport.getImageData() : undefined;
    if (!data) return null;
    const { origin, spacing, direction } = data;
    const world = [0, 1, 2].map((k) => origin[k]! + column * spacing[0] * direction[k]! + row * spacing[1] * direction[3 + k]!) as Types.Point3;
    const canvas = this.viewport.worldToCanvas(world);
    return [canvas[0], canvas[1]];
  }

  /** The shown picture's stored values with its size, for comparing two pictures (Check a copy). */
  pixels(): { rows: number; columns: number; data: ArrayLike<number> } | null {
    const image = this.imageIds.length ? this.viewport.getCornerstoneImage() : undefined;
    return image ? { rows: image.rows, columns: image.columns, data: image.getPixelData() } : null;
  }

  destroy(): void {
    this.engine.disableElement(this.viewportId);
  }
}
