import { useEffect, useRef, useState } from 'react';
import { useApi } from '../services';

/**
 * A small preview of a series: its middle image, decoded and drawn by the viewer's own adapter
 * (renderer/src/viewer/cornerstone/render-to-canvas.ts, loaded only when a preview is needed),
 * in memory only. Shows "No preview" when the series has no image the viewer can show.
 */
export function Thumbnail({ seriesId, label }: { seriesId: number; label: string }) {
  const api = useApi();
  const [state, setState] = useState<'loading' | 'ready' | 'none'>('loading');
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState('loading');
    void (async () => {
      const listed = await api.listSeriesInstances({ seriesId });
      const preview = await import('../viewer/cornerstone/render-to-canvas');
      const imageId = listed.ok ? preview.previewImageId(listed.value) : null;
      const canvas = canvasRef.current;
      if (imageId === null || canvas === null) {
        if (!controller.signal.aborted) setState('none');
        return;
      }
      try {
        await preview.renderPreview(canvas, imageId, controller.signal);
        if (!controller.signal.aborted) setState('ready');
      } catch {
        if (!controller.signal.aborted) setState('none');
      }
    })();
    return () => controller.abort();
  }, [api, seriesId]);

  return (
    <div className={state === 'ready' ? 'thumb' : 'thumb thumb-empty'}>
      {/* The canvas is there from the start (the adapter draws into it) and shown once drawn. */}
      <canvas ref={canvasRef} role="img" aria-label={label} hidden={state !== 'ready'} />
      {state === 'none' ? <span>No preview</span> : null}
    </div>
  );
}
