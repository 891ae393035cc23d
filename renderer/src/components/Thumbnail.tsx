import { useEffect, useRef, useState } from 'react';
import type { Thumbnail as ThumbnailData } from '../../../shared/domain';
import { base64ToBytes, greyToRgba } from '../format';
import { useApi } from '../services';

/**
 * A small greyscale preview of a series, drawn on a canvas from the bytes the core sends (made in
 * memory, never saved). Shows "No preview" when the core has none.
 */
export function Thumbnail({ seriesId, label }: { seriesId: number; label: string }) {
  const api = useApi();
  const [data, setData] = useState<ThumbnailData | null | 'loading'>('loading');
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    void api.getSeriesThumbnail({ seriesId }).then((r) => {
      if (live) setData(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, seriesId]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !data || data === 'loading') return;
    const grey = base64ToBytes(data.grayBase64);
    if (grey.length !== data.width * data.height) return;
    canvas.width = data.width;
    canvas.height = data.height;
    const image = new ImageData(greyToRgba(grey), data.width, data.height);
    canvas.getContext('2d')?.putImageData(image, 0, 0);
  }, [data]);

  if (data === 'loading') return <div className="thumb thumb-empty" aria-hidden="true" />;
  if (data === null) return <div className="thumb thumb-empty"><span>No preview</span></div>;
  return (
    <div className="thumb">
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}
