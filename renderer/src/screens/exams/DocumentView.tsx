import { useEffect, useState } from 'react';
import { fetchBytes } from '../../api/bytes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfView } from '../study/details/PdfView';

/**
 * An attached document shown in the page: a PDF drawn by pdf.js, a photo as a picture. The bytes
 * come decrypted through the byte channel into memory only (a photo as an in-memory blob URL,
 * revoked when the view closes).
 */
export function DocumentView({ id, mediaType, title }: { id: number; mediaType: string; title: string }) {
  if (mediaType === 'application/pdf') return <div className="document-view"><PdfView source={{ kind: 'ai-document', id }} title={title} /></div>;
  return <PhotoView id={id} title={title} />;
}

function PhotoView({ id, title }: { id: number; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void fetchBytes({ kind: 'ai-document', id }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      made = URL.createObjectURL(new Blob([r.value]));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  if (error) return <ErrorAlert message={error} />;
  if (!url) return <p className="muted" role="status">Opening the photo…</p>;
  return <div className="document-view"><img className="document-photo" src={url} alt={`Photo: ${title}`} /></div>;
}
