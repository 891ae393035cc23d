/**
 * The text in the four corners of a viewport. Patient and study lines come from the core's
 * getStudyView (character sets decoded there), picture lines from the viewport's state.
 * Privacy mode drops everything that identifies the person: name, birth date, IDs, institution.
 */
import { formatDicomDate, formatPersonName, formatSex } from '../../format';

export interface OverlayStudy {
  patientName: string | null;
  patientId: string | null;
  birthDate: string | null;
  sex: string | null;
  date: string | null;
  description: string | null;
  institution: string | null;
}

export interface OverlaySeries {
  seriesNumber: number | null;
  modality: string | null;
  description: string | null;
}

export interface OverlayImage {
  /** 0-based position in the stack and the stack's length. */
  index: number;
  count: number;
  instanceNumber: number | null;
  /** 1-based frame within a multi-frame object, with its frame count; null for single frames. */
  frame: { number: number; of: number } | null;
  sliceLocation: number | null;
  windowWidth: number | null;
  windowCenter: number | null;
  /** 1 = one image pixel per screen pixel. */
  zoom: number | null;
}

export interface Corners {
  topLeft: string[];
  topRight: string[];
  bottomLeft: string[];
  bottomRight: string[];
}

/** Rounded half away from zero, so -42.25 and 42.25 read alike; no "-0". */
const round = (n: number, digits = 0): string => {
  const text = n.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
};

export function overlayCorners(study: OverlayStudy, series: OverlaySeries, image: OverlayImage | null, privacy: boolean): Corners {
  const topLeft: string[] = [];
  if (!privacy) {
    if (study.patientName) topLeft.push(formatPersonName(study.patientName));
    if (study.patientId) topLeft.push(`ID ${study.patientId}`);
    const born = formatDicomDate(study.birthDate);
    if (born) topLeft.push(`Born ${born}`);
  }
  const sex = formatSex(study.sex);
  if (sex) topLeft.push(sex);
  if (privacy) topLeft.unshift('Privacy mode');

  const topRight: string[] = [];
  if (!privacy && study.institution) topRight.push(study.institution);
  const date = formatDicomDate(study.date);
  if (date) topRight.push(date);
  if (study.description) topRight.push(study.description);

  const bottomLeft: string[] = [];
  const seriesLine = [series.seriesNumber === null ? null : `Series ${series.seriesNumber}`, series.modality, series.description].filter(Boolean).join(' · ');
  if (seriesLine) bottomLeft.push(seriesLine);
  const bottomRight: string[] = [];
  if (image) {
    bottomLeft.push(`Image ${image.index + 1}/${image.count}${image.instanceNumber === null ? '' : ` (no. ${image.instanceNumber})`}`);
    if (image.frame) bottomLeft.push(`Frame ${image.frame.number}/${image.frame.of}`);
    if (image.sliceLocation !== null) bottomLeft.push(`Slice location ${round(image.sliceLocation, 1)} mm`);
    if (image.windowWidth !== null && image.windowCenter !== null) bottomRight.push(`W ${round(image.windowWidth)} L ${round(image.windowCenter)}`);
    if (image.zoom !== null) bottomRight.push(`Zoom ${round(image.zoom * 100)}%`);
  }
  return { topLeft, topRight, bottomLeft, bottomRight };
}
