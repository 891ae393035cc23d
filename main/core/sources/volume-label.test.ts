import { describe, expect, it } from 'vitest';
import { labelFromAutorun, labelFromMountPath, parseMountInfo } from './volume-label';

const MOUNTINFO = [
  '22 27 0:21 / /proc rw,relatime - proc proc rw',
  '27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw',
  '90 27 11:0 / /media/pat/HOSPITAL\\040CD rw,nosuid - iso9660 /dev/sr0 ro',
  '91 27 8:17 / /run/media/pat/USB_STICK rw,nosuid - vfat /dev/sdb1 rw',
  '',
].join('\n');

describe('parseMountInfo', () => {
  it('reads mount points and undoes octal escapes', () => {
    expect(parseMountInfo(MOUNTINFO)).toEqual(['/proc', '/', '/media/pat/HOSPITAL CD', '/run/media/pat/USB_STICK']);
  });
});

describe('labelFromMountPath', () => {
  const mounts = parseMountInfo(MOUNTINFO);

  it('names the removable medium a chosen path lies on', () => {
    expect(labelFromMountPath('/media/pat/HOSPITAL CD', mounts)).toBe('HOSPITAL CD');
    expect(labelFromMountPath('/media/pat/HOSPITAL CD/DICOM/PAT1', mounts)).toBe('HOSPITAL CD');
    expect(labelFromMountPath('/run/media/pat/USB_STICK/export.zip', mounts)).toBe('USB_STICK');
  });

  it('gives null for paths on fixed disks or in /media folders that are not mounts', () => {
    expect(labelFromMountPath('/home/pat/Downloads', mounts)).toBe(null);
    expect(labelFromMountPath('/media/pat/OLD_COPY/x', mounts)).toBe(null);
    expect(labelFromMountPath('/media/pat/HOSPITAL CDX', mounts)).toBe(null);
  });

  it('falls back to the udisks and macOS layouts when no mount table is known', () => {
    expect(labelFromMountPath('/media/pat/CD_ROM/IMAGES', [])).toBe('CD_ROM');
    expect(labelFromMountPath('/Volumes/PACS DISC/DICOM', [])).toBe('PACS DISC');
    expect(labelFromMountPath('/home/pat', [])).toBe(null);
  });
});

describe('labelFromAutorun', () => {
  it('reads label= from the [autorun] section only', () => {
    expect(labelFromAutorun('[AutoRun]\r\nopen=viewer.exe\r\nlabel="St Elsewhere CT"\r\n')).toBe('St Elsewhere CT');
    expect(labelFromAutorun('[other]\nlabel=NO\n[autorun]\nicon=x.ico\n')).toBe(null);
    expect(labelFromAutorun('label=NO SECTION')).toBe(null);
  });
});
