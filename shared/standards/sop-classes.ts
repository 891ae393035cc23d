/**
 * What kind of object a SOP Class UID names (PS3.4 Annex B / PS3.6), in plain words for a
 * patient: a short name and one sentence on what it holds. Covers the objects a hospital disc
 * commonly carries besides images; anything else falls back to its family or to "unknown".
 */
export interface SopClassWords {
  name: string;
  /** What it holds, for a patient. */
  about: string;
}

const EXACT: Record<string, SopClassWords> = {
  '1.2.840.10008.5.1.4.1.1.104.1': { name: 'PDF document', about: 'A document, such as a written report, stored as a PDF inside a DICOM file.' },
  '1.2.840.10008.5.1.4.1.1.104.2': { name: 'Clinical document (CDA)', about: 'A clinical document in the HL7 CDA format, such as a report or a letter.' },
  '1.2.840.10008.5.1.4.1.1.104.3': { name: 'STL 3D model', about: 'A 3D model (for example for 3D printing) of part of the body.' },
  '1.2.840.10008.5.1.4.1.1.104.4': { name: 'OBJ 3D model', about: 'A 3D model of part of the body.' },
  '1.2.840.10008.5.1.4.1.1.104.5': { name: 'MTL 3D material', about: 'Colours and surfaces that go with a 3D model.' },
  '1.2.840.10008.5.1.4.1.1.481.1': { name: 'Radiotherapy image', about: 'An image taken on a radiation treatment machine to check your position.' },
  '1.2.840.10008.5.1.4.1.1.481.2': { name: 'Radiotherapy dose', about: 'The planned or delivered radiation dose, as a map over the body.' },
  '1.2.840.10008.5.1.4.1.1.481.3': { name: 'Radiotherapy structure set', about: 'Outlines of organs and target areas drawn on the images for planning radiation treatment.' },
  '1.2.840.10008.5.1.4.1.1.481.4': { name: 'Radiotherapy treatment record', about: 'A record of a radiation treatment session as it was delivered.' },
  '1.2.840.10008.5.1.4.1.1.481.5': { name: 'Radiotherapy plan', about: 'The plan for a radiation treatment: beams, angles and doses.' },
  '1.2.840.10008.5.1.4.1.1.481.6': { name: 'Brachytherapy treatment record', about: 'A record of an internal radiation treatment session.' },
  '1.2.840.10008.5.1.4.1.1.481.7': { name: 'Radiotherapy treatment summary', about: 'A summary of a course of radiation treatment.' },
  '1.2.840.10008.5.1.4.1.1.481.8': { name: 'Ion radiotherapy plan', about: 'The plan for a proton or ion radiation treatment.' },
  '1.2.840.10008.5.1.4.1.1.481.9': { name: 'Ion radiotherapy treatment record', about: 'A record of a proton or ion radiation treatment session.' },
  '1.2.840.10008.5.1.4.1.1.66': { name: 'Raw data', about: 'Measurements straight from the scanner, before they were turned into pictures.' },
  '1.2.840.10008.5.1.4.1.1.66.1': { name: 'Image registration', about: 'How two sets of images line up with each other.' },
  '1.2.840.10008.5.1.4.1.1.66.2': { name: 'Spatial fiducials', about: 'Marker points placed on images to line them up.' },
  '1.2.840.10008.5.1.4.1.1.66.3': { name: 'Deformable image registration', about: 'How two sets of images line up when the body changed shape between them.' },
  '1.2.840.10008.5.1.4.1.1.66.4': { name: 'Segmentation', about: 'Areas of the images marked out, for example an organ or a tumour.' },
  '1.2.840.10008.5.1.4.1.1.66.5': { name: 'Surface segmentation', about: 'The surface of an organ or area, as a 3D shape.' },
  '1.2.840.10008.5.1.4.1.1.66.6': { name: 'Tractography results', about: 'Nerve pathways in the brain, traced from diffusion MRI.' },
  '1.2.840.10008.5.1.4.1.1.67': { name: 'Real-world value map', about: 'How the image values translate into real measurements.' },
  '1.2.840.10008.5.1.4.1.1.30': { name: 'Parametric map', about: 'A map of values calculated from images, such as blood flow or tissue properties.' },
  '1.2.840.10008.5.1.4.1.1.11.1': { name: 'Presentation state', about: 'Saved display settings for images: brightness, zoom, notes drawn on them.' },
  '1.2.840.10008.5.1.4.1.1.11.2': { name: 'Colour presentation state', about: 'Saved display settings for colour images.' },
  '1.2.840.10008.5.1.4.1.1.11.3': { name: 'Pseudo-colour presentation state', about: 'Saved colour settings for showing grey images in colour.' },
  '1.2.840.10008.5.1.4.1.1.11.4': { name: 'Blending presentation state', about: 'Saved settings for laying one set of images over another (for example PET on CT).' },
  '1.2.840.10008.5.1.4.1.1.88.59': { name: 'Key object selection', about: 'A list of the images a doctor marked as important, sometimes with a note.' },
  '1.2.840.10008.5.1.4.1.1.9.1.1': { name: '12-lead ECG', about: 'A recording of the heart’s electrical activity (electrocardiogram).' },
  '1.2.840.10008.5.1.4.1.1.9.1.2': { name: 'General ECG', about: 'A recording of the heart’s electrical activity.' },
  '1.2.840.10008.5.1.4.1.1.9.1.3': { name: 'Ambulatory ECG', about: 'A long recording of the heart’s electrical activity, made while you went about your day.' },
  '1.2.840.10008.5.1.4.1.1.9.2.1': { name: 'Haemodynamic waveform', about: 'Recorded blood pressure or flow curves.' },
  '1.2.840.10008.5.1.4.1.1.9.3.1': { name: 'Cardiac electrophysiology waveform', about: 'Electrical recordings from inside the heart.' },
  '1.2.840.10008.5.1.4.1.1.9.4.1': { name: 'Basic voice audio', about: 'A voice recording, such as a dictated report.' },
  '1.2.840.10008.5.1.4.1.1.9.5.1': { name: 'Arterial pulse waveform', about: 'A recording of the pulse.' },
  '1.2.840.10008.5.1.4.1.1.9.6.1': { name: 'Respiratory waveform', about: 'A recording of breathing.' },
  '1.2.840.10008.5.1.4.1.1.77.1.6': { name: 'Whole-slide microscopy image', about: 'A very large microscope picture of a tissue sample, in many tiles.' },
  '1.2.840.10008.5.1.4.1.1.4.2': { name: 'MR spectroscopy', about: 'Chemical measurements from an MRI scanner, shown as curves rather than pictures.' },
  '1.2.840.10008.5.1.4.1.1.78.1': { name: 'Lensometry measurements', about: 'Measurements of eyeglass lenses.' },
  '1.2.840.10008.5.1.4.1.1.79.1': { name: 'Visual acuity measurements', about: 'Results of an eye sight test.' },
  '1.2.840.10008.5.1.4.1.1.80.1': { name: 'Visual field test results', about: 'Results of a test of how wide you can see.' },
  '1.2.840.10008.5.1.4.1.1.68.1': { name: 'Surface scan mesh', about: 'A 3D scan of the body surface.' },
  '1.2.840.10008.5.1.4.1.1.200.2': { name: 'Protocol', about: 'The settings the scanner used or was asked to use.' },
  '1.2.840.10008.5.1.4.1.1.91.1': { name: 'Microscopy bulk annotations', about: 'Notes and outlines drawn on a microscope image.' },
};

const FAMILIES: [prefix: string, words: SopClassWords][] = [
  ['1.2.840.10008.5.1.4.1.1.88.', { name: 'Structured report', about: 'A report written in a structured way: findings, measurements and their meanings.' }],
  ['1.2.840.10008.5.1.4.1.1.481.', { name: 'Radiotherapy object', about: 'Information used to plan or record radiation treatment.' }],
  ['1.2.840.10008.5.1.4.1.1.9.', { name: 'Waveform', about: 'A recording of signals over time, such as heart or breathing curves.' }],
  ['1.2.840.10008.5.1.4.1.1.11.', { name: 'Presentation state', about: 'Saved display settings for images.' }],
];

const UNKNOWN: SopClassWords = { name: 'Unknown kind of object', about: 'A DICOM object of a kind ScanVault does not recognise.' };

export function sopClassWords(uid: string | null): SopClassWords {
  if (uid === null) return UNKNOWN;
  const exact = EXACT[uid];
  if (exact !== undefined) return exact;
  return FAMILIES.find(([prefix]) => uid.startsWith(prefix))?.[1] ?? UNKNOWN;
}
