/**
 * README.txt for the receiving doctor, in plain language: what this is, how to open it, what was
 * removed and kept, the pseudonym, and how to check it. It names the date shift's existence, never
 * its size, and holds nothing about the patient (it goes through no leak guard of its own, so it
 * must be built only from the options, counts, pseudonym and recipient).
 */
import { OPTION_TEXT, isDeidOptionName } from '../../../../shared/share/options';

export interface ReadmeFacts {
  kind: 'de-identified' | 'identified';
  recipientName: string;
  purpose: string;
  date: string;
  files: number;
  studies: number;
  series: number;
  pseudonym: string | null;
  options: readonly string[];
  masked: number;
  fingerprint: string;
}

const wrap = (text: string, width = 78): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\r\n');
};

export function buildReadme(f: ReadmeFacts): Buffer {
  const p: string[] = [];
  const heading = f.kind === 'de-identified' ? 'DE-IDENTIFIED COPY OF MEDICAL IMAGES' : 'COPY OF MEDICAL IMAGES (IDENTIFIED: ORIGINAL FILES)';
  p.push(heading, '='.repeat(heading.length), '');
  p.push(wrap(`This copy was made by the patient with ScanVault on ${f.date} for ${f.recipientName}. Purpose: ${f.purpose}.`));
  p.push(wrap(`It holds ${f.files} DICOM file(s): ${f.studies} study(ies), ${f.series} series.`), '');
  p.push('HOW TO OPEN IT', '--------------');
  p.push(wrap('Import this folder (or the unpacked zip) into your DICOM viewer or PACS, or open the file DICOMDIR: it lists every study, series and image, as on a hospital CD. The images are in the DICOM folder.'), '');
  if (f.kind === 'de-identified') {
    p.push('WHAT WAS REMOVED AND WHAT WAS KEPT', '----------------------------------');
    p.push(wrap('The files were de-identified following the DICOM standard (PS3.15, Basic Application Level Confidentiality Profile). The patient\'s name, IDs, birth date, addresses, the people involved and other identifying details were removed or replaced. Every UID was replaced consistently, so series and references still link up.'));
    p.push(wrap(`The patient's name and ID appear as the pseudonym ${f.pseudonym ?? ''}. Please use it when you write back.`), '');
    p.push('Kept on request of the patient:');
    const kept = f.options.filter(isDeidOptionName);
    if (kept.length === 0) p.push('- nothing beyond the basic profile');
    // The titles only: the longer texts speak to the patient ("your scans"), not to the doctor.
    for (const name of kept) p.push(`- ${OPTION_TEXT[name].title}`);
    if (kept.includes('retain-longitudinal-modified-dates')) {
      p.push('', wrap('DATES ARE SHIFTED: every date in these files was moved by the same number of days. Intervals between dates are true; the calendar dates are not.'));
    }
    if (f.masked > 0) p.push('', wrap(`In ${f.masked} image(s) text written into the picture was covered with black rectangles.`));
    p.push('', wrap('Reports and pictures that may show the patient\'s name written into them were held back unless the patient checked them.'), '');
  } else {
    p.push(wrap('These are the original files as the patient received them, with the patient\'s name and details. Treat them as identified medical records.'), '');
  }
  p.push('HOW TO CHECK IT', '---------------');
  p.push(wrap('MANIFEST.json lists every file with its SHA-256; MANIFEST.sig is an Ed25519 signature over MANIFEST.json made with the patient\'s ScanVault key. Ask the patient for the key fingerprint by another channel (phone, letter) and compare it with:'));
  p.push('', `    ${f.fingerprint}`, '');
  p.push(wrap('With ScanVault: scanvault verify-export PATH --fingerprint "FINGERPRINT". Without it: see the manifest\'s "signingKey" and verify with any Ed25519 tool (for example openssl pkeyutl -verify -rawin).'));
  return Buffer.from(p.join('\r\n') + '\r\n', 'utf8');
}
