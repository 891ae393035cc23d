/** Request for a copy of images and reports, right of access 45 CFR 164.524: 30 days. */
import { given } from '../blanks';
import { longDate } from '../dates';
import { examPhrase, identity, type Parts } from '../common';

export function accessBody(p: Parts): string[] {
  const { facts, blanks } = p;
  const format = given(facts.copyFormat) ?? 'a secure download link, or on a USB drive or CD';
  const others = facts.periodFrom || facts.periodTo
    ? ` I also ask for the same for every other imaging exam of mine from ${facts.periodFrom ? longDate(facts.periodFrom) : 'the earliest you hold'} to ${facts.periodTo ? longDate(facts.periodTo) : 'today'}.`
    : '';
  const sendTo = given(facts.sendCopyTo);
  return [
    identity(p),
    `Under the HIPAA right of access, 45 CFR 164.524, I request a copy of the following records from my designated record set for ${examPhrase(facts.exam, blanks)}.${others}`,
    '• The images, as the original full-resolution DICOM files (not compressed copies, screenshots or a viewer-only format).',
    '• The radiology report, with any addenda.',
    '• Any output of AI or computer-aided software kept in my record for the exam: marks or annotations on the images, secondary-capture images, structured reports, measurements, and findings or draft text the software produced.',
    `Please provide the copy electronically, as ${format}. The rule says that when records are readily producible in the form I ask for, they are to be provided that way.`,
    ...(sendTo ? [`Please send the copy directly to ${sendTo}. This request is in writing and signed by me, as the rule requires for a copy sent to someone else.`] : []),
    'You may charge only a reasonable, cost-based fee for the labour of copying, the media and postage, not for searching for or retrieving the records. Please tell me the fee in advance.',
    'The rule asks you to provide the copy within 30 days of receiving this request, with one extension of up to 30 days if you tell me in writing why. If you deny any part of it, please tell me in writing why and how I can ask for that decision to be reviewed.',
  ];
}
