import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { HeldBackItem, MaskRect } from '../../../../shared/share/share-domain';
import { imageIdsFor } from '../../viewer/cornerstone/image-ids';
import { clampRect, describeRect, keyStep, moveRect, newRect, pixelsPerScreenPixel, resizeRect, type Size } from './mask-geometry';

interface Props {
  item: HeldBackItem;
  masks: readonly MaskRect[];
  onChange: (masks: MaskRect[]) => void;
}

type Drag = { kind: 'move' | 'resize'; index: number; startX: number; startY: number; start: MaskRect } | { kind: 'draw'; startX: number; startY: number };

/**
 * One held-back picture, large on a dark background, with the mask rectangles over it. Mouse:
 * drag a mask to move it, drag its corner to resize it, drag on the picture to draw a new one.
 * Keyboard: Tab to a mask, arrows move it, Shift+arrows resize it (Ctrl for steps of ten), Delete
 * removes it. The picture is decoded in memory by the viewer's own adapter.
 */
export function MaskEditor({ item, masks, onChange }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [drawn, setDrawn] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [selected, setSelected] = useState<number | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<MaskRect | null>(null);
  /** The frame on screen (0-based); the boxes cover every frame. */
  const [frame, setFrame] = useState(0);
  const frameId = useId();
  const size: Size = { columns: item.columns ?? canvasRef.current?.width ?? 1, rows: item.rows ?? canvasRef.current?.height ?? 1 };

  useEffect(() => {
    const controller = new AbortController();
    setDrawn('loading');
    void (async () => {
      const canvas = canvasRef.current;
      const imageId = imageIdsFor({ id: item.instanceId, frames: item.frameCount > 1 ? item.frameCount : null })[frame];
      if (!canvas || imageId === undefined) return;
      try {
        const preview = await import('../../viewer/cornerstone/render-to-canvas');
        await preview.renderPreview(canvas, imageId, controller.signal);
        if (!controller.signal.aborted) setDrawn('ready');
      } catch {
        if (!controller.signal.aborted) setDrawn('failed');
      }
    })();
    return () => controller.abort();
  }, [item.instanceId, item.frameCount, frame]);

  const toImage = (e: PointerEvent): { x: number; y: number } => {
    const box = frameRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return { x: 0, y: 0 };
    return { x: ((e.clientX - box.left) / box.width) * size.columns, y: ((e.clientY - box.top) / box.height) * size.rows };
  };
  const replace = (index: number, r: MaskRect) => onChange(masks.map((m, i) => (i === index ? r : m)));
  const remove = (index: number) => { onChange(masks.filter((_, i) => i !== index)); setSelected(null); };

  const down = (e: PointerEvent, kind: 'move' | 'resize' | 'draw', index = -1) => {
    e.preventDefault();
    e.stopPropagation();
    frameRef.current?.setPointerCapture(e.pointerId);
    const p = toImage(e);
    const start = masks[index];
    if (kind !== 'draw' && start) { setSelected(index); setDrag({ kind, index, startX: p.x, startY: p.y, start }); }
    else setDrag({ kind: 'draw', startX: p.x, startY: p.y });
  };
  const move = (e: PointerEvent) => {
    if (!drag) return;
    const p = toImage(e);
    if (drag.kind === 'draw') {
      setDraft(clampRect({ x: Math.min(p.x, drag.startX), y: Math.min(p.y, drag.startY), width: Math.abs(p.x - drag.startX), height: Math.abs(p.y - drag.startY), frame: null }, size));
      return;
    }
    const dx = Math.round(p.x - drag.startX);
    const dy = Math.round(p.y - drag.startY);
    replace(drag.index, drag.kind === 'move' ? moveRect(drag.start, dx, dy, size) : resizeRect(drag.start, dx, dy, size));
  };
  const up = () => {
    if (drag?.kind === 'draw' && draft && draft.width > 2 && draft.height > 2) {
      onChange([...masks, draft]);
      setSelected(masks.length);
    }
    setDrag(null);
    setDraft(null);
  };

  const key = (e: KeyboardEvent, index: number) => {
    const r = masks[index];
    if (!r) return;
    if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); remove(index); return; }
    const step = keyStep(e.key, e.shiftKey, e.ctrlKey || e.altKey);
    if (!step) return;
    e.preventDefault();
    const scale = pixelsPerScreenPixel(size, frameRef.current?.getBoundingClientRect().width ?? 0);
    const dx = step.dx * scale;
    const dy = step.dy * scale;
    replace(index, step.kind === 'move' ? moveRect(r, dx, dy, size) : resizeRect(r, dx, dy, size));
  };

  const pct = (r: MaskRect) => ({ left: `${(r.x / size.columns) * 100}%`, top: `${(r.y / size.rows) * 100}%`, width: `${(r.width / size.columns) * 100}%`, height: `${(r.height / size.rows) * 100}%` });
  return (
    <div className="review-viewer">
      <div className="review-image-wrap">
        <div ref={frameRef} className="review-frame" style={{ aspectRatio: `${size.columns} / ${size.rows}` }}
          onPointerDown={(e) => down(e, 'draw')} onPointerMove={move} onPointerUp={up} onPointerCancel={up} data-testid="mask-frame">
          <canvas ref={canvasRef} role="img" aria-label="The held-back picture" hidden={drawn === 'failed'} />
          {drawn === 'failed' && <p className="review-no-image">This picture cannot be shown here. You can still leave it out, or mark areas to cover.</p>}
          {masks.map((r, i) => (
            <button key={i} type="button" className={`mask-rect${selected === i ? ' mask-selected' : ''}`} style={pct(r)}
              aria-label={describeRect(r, i)} aria-describedby={hintId}
              onFocus={() => setSelected(i)} onKeyDown={(e) => key(e, i)} onPointerDown={(e) => down(e, 'move', i)}>
              <span className="mask-handle" aria-hidden="true" onPointerDown={(e) => down(e, 'resize', i)} />
            </button>
          ))}
          {draft && <span className="mask-rect mask-draft" style={pct(draft)} aria-hidden="true" />}
        </div>
      </div>
      {item.frameCount > 1 && (
        <div className="review-frame-picker">
          <label htmlFor={frameId}>Frame {frame + 1} of {item.frameCount}</label>
          <input id={frameId} type="range" min={1} max={item.frameCount} value={frame + 1} onChange={(e) => setFrame(Number(e.target.value) - 1)} />
          <span className="review-hint">The boxes cover the same place on every frame.</span>
        </div>
      )}
      <p id={hintId} className="review-hint">
        Black boxes will cover what is under them. Drag a box to move it, drag its corner to change its size, or drag on the picture to draw a new one.
        With the keyboard: Tab to a box, arrow keys move it, Shift and arrow keys change its size, Delete removes it.
      </p>
      <div className="button-row">
        <button type="button" className="viewer-button" onClick={() => { onChange([...masks, newRect(size)]); setSelected(masks.length); }}>Add a box</button>
        <button type="button" className="viewer-button" disabled={item.textRegions.length === 0} onClick={() => onChange(item.textRegions.map((r) => clampRect(r, size)))}>Use the suggested boxes again</button>
        {selected !== null && masks[selected] && <button type="button" className="viewer-button" onClick={() => remove(selected)}>Remove box {selected + 1}</button>}
      </div>
    </div>
  );
}
