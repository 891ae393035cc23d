/**
 * "Check a copy": the original and the outside copy in two stack viewports of one session, kept
 * in step: the same frame, the same window and the same zoom and position. The React side asks it
 * where the picture lies (for the difference overlay) and which pixels differ.
 */
import { SynchronizerManager, synchronizers } from '@cornerstonejs/tools';
import { ViewerSession } from './session';
import type { StackView } from './viewport';

let count = 0;

export interface ImageRect {
  /** Canvas CSS pixels of the picture's top-left corner and of one image pixel's size. */
  left: number;
  top: number;
  scaleX: number;
  scaleY: number;
}

export class CompareView {
  readonly original: StackView;
  readonly copy: StackView;
  private readonly syncIds: string[];
  private readonly unlisten: (() => void)[] = [];
  /** The last mask, for the pair of pictures it was made from (renders come at drag speed). */
  private mask: { key: string; value: ReturnType<CompareView['computeMask']> } | null = null;

  private constructor(private readonly session: ViewerSession, originalElement: HTMLDivElement, copyElement: HTMLDivElement) {
    this.original = session.stack(0, originalElement);
    this.copy = session.stack(1, copyElement);
    count += 1;
    this.syncIds = [`sv-compare-voi-${count}`, `sv-compare-zoom-${count}`];
    const [voiId, zoomId] = this.syncIds as [string, string];
    const voi = synchronizers.createVOISynchronizer(voiId, { syncInvertState: true, syncColormap: false });
    const zoom = synchronizers.createZoomPanSynchronizer(zoomId);
    for (const view of [this.original, this.copy]) {
      const info = { renderingEngineId: session.engine.id, viewportId: view.viewportId };
      voi.add(info);
      zoom.add(info);
      this.unlisten.push(session.observe(view.element));
    }
    // The wheel moves one view; the other follows to the same frame.
    for (const [from, to] of [[this.original, this.copy], [this.copy, this.original]] as const) {
      this.unlisten.push(from.onRender(() => {
        const index = from.state().index;
        if (to.count > index && to.state().index !== index) void to.go(index);
      }));
    }
  }

  static async open(originalElement: HTMLDivElement, copyElement: HTMLDivElement): Promise<CompareView> {
    return new CompareView(await ViewerSession.open(), originalElement, copyElement);
  }

  async show(originalIds: string[], copyIds: string[]): Promise<void> {
    await Promise.all([this.original.show(originalIds), this.copy.show(copyIds)]);
  }

  async go(index: number): Promise<void> {
    await Promise.all([this.original.go(index), this.copy.go(index)]);
  }

  setWindow(width: number, center: number): void {
    this.original.setWindow(width, center);
    this.copy.setWindow(width, center);
  }

  /** Where the shown picture lies in one view's canvas. */
  imageRect(view: StackView): ImageRect | null {
    const a = view.imageToCanvas(-0.5, -0.5);
    const b = view.imageToCanvas(0.5, 0.5);
    if (a === null || b === null) return null;
    return { left: a[0], top: a[1], scaleX: b[0] - a[0], scaleY: b[1] - a[1] };
  }

  /** 1 where the two shown pictures' stored values differ; null when they are not the same size. */
  differenceMask(): { mask: Uint8Array; rows: number; columns: number } | null {
    const key = `${this.original.state().imageId ?? ''}|${this.copy.state().imageId ?? ''}`;
    if (this.mask?.key !== key || this.mask.value === null) this.mask = { key, value: this.computeMask() };
    return this.mask.value;
  }

  private computeMask(): { mask: Uint8Array; rows: number; columns: number } | null {
    const a = this.original.pixels();
    const b = this.copy.pixels();
    if (a === null || b === null || a.rows !== b.rows || a.columns !== b.columns || a.data.length !== b.data.length) return null;
    const pixels = a.rows * a.columns;
    const samples = Math.max(1, Math.round(a.data.length / pixels));
    const mask = new Uint8Array(pixels);
    for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) mask[Math.floor(i / samples)] = 1;
    return { mask, rows: a.rows, columns: a.columns };
  }

  destroy(): void {
    for (const stop of this.unlisten) stop();
    for (const id of this.syncIds) SynchronizerManager.destroySynchronizer(id);
    this.session.destroy();
  }
}
