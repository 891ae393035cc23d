/**
 * The measurements drawn in the open study, read from Cornerstone's annotation state. They last
 * while the study is open and are cleared when it closes (never saved).
 */
import { eventTarget } from '@cornerstonejs/core';
import { Enums as ToolEnums, annotation } from '@cornerstonejs/tools';
import { describeMeasurement, type Measurement } from './measurement-text';

export type { Measurement } from './measurement-text';

export function readMeasurements(): Measurement[] {
  const out: Measurement[] = [];
  for (const a of annotation.state.getAllAnnotations()) {
    const uid = a.annotationUID;
    const toolName = a.metadata?.toolName;
    if (!uid || !toolName) continue;
    const cached = (a.data as { cachedStats?: Record<string, Record<string, unknown>> }).cachedStats ?? {};
    // One annotation holds stats per target (image or volume); the first is the one it was drawn on.
    const m = describeMeasurement(uid, toolName, Object.values(cached)[0]);
    if (m) out.push(m);
  }
  return out;
}

// Statistics are computed when an annotation is drawn, after "completed"/"modified" fire, so the
// list also refreshes on each annotation render (and only tells when the text changed).
const EVENTS = [ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED, ToolEnums.Events.ANNOTATION_RENDERED];

/** Calls `listener` with the measurements whenever one is finished, changed or removed. */
export function onMeasurementsChange(listener: (measurements: Measurement[]) => void): () => void {
  let last = '';
  const check = (): void => {
    const now = readMeasurements();
    const key = JSON.stringify(now);
    if (key === last) return;
    last = key;
    listener(now);
  };
  for (const e of EVENTS) eventTarget.addEventListener(e, check);
  return () => {
    for (const e of EVENTS) eventTarget.removeEventListener(e, check);
  };
}

export function removeMeasurement(uid: string): void {
  annotation.state.removeAnnotation(uid);
}

export function clearMeasurements(): void {
  annotation.state.removeAllAnnotations();
}
