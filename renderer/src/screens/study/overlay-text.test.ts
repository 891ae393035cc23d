import { describe, expect, it } from 'vitest';
import { overlayCorners, type OverlayImage, type OverlayStudy } from './overlay-text';

const study: OverlayStudy = {
  patientName: 'Müller^Jürgen', patientId: 'PID-77', birthDate: '19600102', sex: 'M',
  date: '20240315', description: 'CT THORAX', institution: 'Klinikum Nord',
};
const series = { seriesNumber: 3, modality: 'CT', description: 'Lung 1mm' };
const image: OverlayImage = { index: 11, count: 120, instanceNumber: 12, frame: null, sliceLocation: -42.25, windowWidth: 1500, windowCenter: -600, zoom: 1.5 };

describe('overlay corners', () => {
  it('shows patient, study, series, picture position, slice location, window and zoom', () => {
    const c = overlayCorners(study, series, image, false);
    expect(c.topLeft.join('|')).toContain('ID PID-77');
    expect(c.topLeft.join('|')).toMatch(/Jürgen/);
    expect(c.topRight).toContain('Klinikum Nord');
    expect(c.topRight).toContain('CT THORAX');
    expect(c.bottomLeft).toEqual(['Series 3 · CT · Lung 1mm', 'Image 12/120 (no. 12)', 'Slice location -42.3 mm']);
    expect(c.bottomRight).toEqual(['W 1500 L -600', 'Zoom 150%']);
  });

  it('in privacy mode hides name, birth date, IDs and institution, and says it is on', () => {
    const all = Object.values(overlayCorners(study, series, image, true)).flat().join('\n');
    for (const secret of ['Müller', 'Jürgen', 'PID-77', '1960', 'Klinikum']) expect(all).not.toContain(secret);
    expect(all).toContain('Privacy mode');
    expect(all).toContain('CT THORAX');
  });

  it('shows the frame of a multi-frame object and leaves out what is unknown', () => {
    const c = overlayCorners({ ...study, patientName: null, institution: null }, { seriesNumber: null, modality: 'US', description: null },
      { ...image, index: 0, count: 8, instanceNumber: null, frame: { number: 1, of: 8 }, sliceLocation: null, windowWidth: null, zoom: null }, false);
    expect(c.bottomLeft).toEqual(['US', 'Image 1/8', 'Frame 1/8']);
    expect(c.bottomRight).toEqual([]);
  });
});
