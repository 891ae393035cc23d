/**
 * What the study screen shows in place of a viewport for an instance that is not an image: the
 * PDF inside an Encapsulated PDF, a structured report as text, or plain words on anything else.
 * Takes the contract's ViewerInstance (only the fields it needs).
 */
import type { ViewerInstance } from '../../../../../shared/api/viewer';
import { OtherObjectView } from './OtherObjectView';
import { PdfView } from './PdfView';
import { ReportView } from './ReportView';

export function NonImageView({ instance }: { instance: Pick<ViewerInstance, 'id' | 'kind' | 'sopClassUid'> }) {
  if (instance.kind === 'pdf') return <PdfView source={{ kind: 'encapsulated-pdf', id: instance.id }} />;
  if (instance.kind === 'report') return <ReportView instanceId={instance.id} />;
  return <OtherObjectView sopClassUid={instance.sopClassUid} />;
}
