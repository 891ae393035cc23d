/**
 * Everything the viewer holds for one open study: a rendering engine, one tool group, the
 * viewports and the measurements. Closing the study (or locking, which closes it) destroys all of
 * it; decoded pixels are dropped by the image caches' own lock handling.
 */
import { RenderingEngine } from '@cornerstonejs/core';
import { initViewer } from './init';
import { clearMeasurements, removeMeasurement } from './measurements';
import { MprView, type MprOrientation } from './mpr';
import { StudyTools, type PrimaryTool } from './tools';
import { StackView } from './viewport';

let sessions = 0;

export class ViewerSession {
  readonly engine: RenderingEngine;
  readonly tools: StudyTools;
  private readonly stacks = new Map<string, StackView>();
  private mprView: MprView | null = null;
  private readonly id: string;
  private destroyed = false;

  private constructor() {
    sessions += 1;
    this.id = `sv-study-${sessions}`;
    this.engine = new RenderingEngine(this.id);
    this.tools = new StudyTools(`${this.id}-tools`);
  }

  /** Starts Cornerstone (once per app) and a session for one study. */
  static async open(): Promise<ViewerSession> {
    await initViewer();
    return new ViewerSession();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** A stack viewport on this element (one per layout cell). */
  stack(cell: number, element: HTMLDivElement): StackView {
    const viewportId = `${this.id}-cell-${cell}`;
    this.stacks.get(viewportId)?.destroy();
    const view = new StackView(this.engine, viewportId, element);
    this.stacks.set(viewportId, view);
    this.tools.addViewport(viewportId, this.engine.id);
    return view;
  }

  releaseStack(view: StackView): void {
    if (this.destroyed || this.stacks.get(view.viewportId) !== view) return;
    this.tools.removeViewport(view.viewportId, this.engine.id);
    view.destroy();
    this.stacks.delete(view.viewportId);
  }

  mpr(elements: Record<MprOrientation, HTMLDivElement>): MprView {
    this.closeMpr();
    const ids = { axial: `${this.id}-axial`, sagittal: `${this.id}-sagittal`, coronal: `${this.id}-coronal` };
    this.mprView = new MprView(this.engine, ids, elements);
    for (const id of Object.values(ids)) this.tools.addViewport(id, this.engine.id);
    return this.mprView;
  }

  closeMpr(): void {
    if (!this.mprView || this.destroyed) return;
    for (const id of Object.values(this.mprView.viewportIds)) this.tools.removeViewport(id, this.engine.id);
    this.mprView.destroy();
    this.mprView = null;
  }

  setTool(tool: PrimaryTool): void {
    this.tools.setPrimary(tool);
  }

  removeMeasurement(uid: string): void {
    removeMeasurement(uid);
    this.engine.render();
  }

  clearMeasurements(): void {
    clearMeasurements();
    this.engine.render();
  }

  /** After the page layout changed size: canvases follow their elements (the camera is kept). */
  resize(): void {
    if (!this.destroyed) this.engine.resize(true, true);
  }

  private resizeFrame = 0;
  private readonly observer = new ResizeObserver(() => {
    // A stale canvas size would make the picture, and what a drag measures, wrong: follow at once.
    if (this.resizeFrame === 0) this.resizeFrame = requestAnimationFrame(() => { this.resizeFrame = 0; this.resize(); });
  });

  /** Keeps this viewport element's canvas the element's size. */
  observe(element: HTMLElement): () => void {
    this.observer.observe(element);
    return () => this.observer.unobserve(element);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.observer.disconnect();
    cancelAnimationFrame(this.resizeFrame);
    this.mprView?.destroy();
    this.tools.destroy();
    this.engine.destroy();
    this.stacks.clear();
    // Measurements last while the study is open, never longer.
    clearMeasurements();
  }
}
