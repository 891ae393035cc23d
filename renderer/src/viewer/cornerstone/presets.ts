/**
 * Window/level presets for CT, in Hounsfield units (width, centre). Values are the ones common
 * radiology viewers ship (OHIF, Horos, Radiopaedia's tables); keys 1-8 choose them, 0 goes back to
 * the file's own window. Data only: viewport.ts applies them.
 */
export interface WindowPreset {
  id: string;
  label: string;
  /** Window width (HU). */
  width: number;
  /** Window centre, also called level (HU). */
  center: number;
  /** The number key that applies it. */
  key: string;
}

export const CT_PRESETS: readonly WindowPreset[] = [
  { id: 'brain', label: 'Brain', width: 80, center: 40, key: '1' },
  { id: 'subdural', label: 'Subdural', width: 200, center: 75, key: '2' },
  { id: 'stroke', label: 'Stroke', width: 40, center: 40, key: '3' },
  { id: 'lung', label: 'Lung', width: 1500, center: -600, key: '4' },
  { id: 'mediastinum', label: 'Mediastinum', width: 350, center: 50, key: '5' },
  { id: 'abdomen', label: 'Abdomen', width: 400, center: 50, key: '6' },
  { id: 'liver', label: 'Liver', width: 150, center: 30, key: '7' },
  { id: 'bone', label: 'Bone', width: 1800, center: 400, key: '8' },
];

/** The lowest and highest value a window shows (DICOM PS3.3 C.11.2.1.2, linear function). */
export function windowRange(width: number, center: number): { lower: number; upper: number } {
  return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
}

/** Back from a displayed range to width/centre (the inverse of windowRange). */
export function rangeToWindow(lower: number, upper: number): { width: number; center: number } {
  return { width: upper - lower + 1, center: (lower + upper) / 2 + 0.5 };
}

/** Presets make sense only where pixel values are Hounsfield units. */
export function presetsFor(modality: string | null): readonly WindowPreset[] {
  return modality === 'CT' ? CT_PRESETS : [];
}
