/**
 * The facts a complaint to HHS's Office for Civil Rights (OCR) asks for, laid out for the patient
 * to file on the OCR portal or on paper. Not a letter to send: no salutation or reply date.
 */
import { given } from '../blanks';
import { complaintDeadline, daysBetween, longDate } from '../dates';
import { examPhrase, patientName, type Parts } from '../common';

const RELATION = { patient: 'I am (or was) its patient.', employee: 'I am (or was) its employee.', other: 'I am neither its patient nor its employee.' };

function deadlineLine({ facts, blanks }: Parts): string {
  if (!facts.dateLearned) {
    return `Deadline: 180 days after ${blanks.fill(null, 'date you learned of it')}. Fill in that date and the deadline is worked out for you.`;
  }
  const last = complaintDeadline(facts.dateLearned);
  const left = daysBetween(facts.letterDate, last);
  const tail = left > 0 ? `${left} day${left === 1 ? '' : 's'} from ${longDate(facts.letterDate)}.`
    : left === 0 ? 'That is today.'
      : 'That date has passed. OCR can still accept a complaint if you show good cause for the delay: say why you could not file earlier.';
  return `Deadline: file by ${longDate(last)}, 180 days after you learned of it on ${longDate(facts.dateLearned)}. ${tail}`;
}

export function complaintWorksheetBody(p: Parts): string[] {
  const { facts, blanks } = p;
  const { patient } = facts;
  const rep = patient.representative;
  const r = facts.recipient ?? {};
  const letters = facts.earlierLetters ?? [];
  const contact = [given(patient.phone), given(patient.email)].filter((x) => x !== null).join(', ');
  return [
    'This sheet gathers what the complaint form asks for. File online on the OCR complaint portal (www.hhs.gov/hipaa/filing-a-complaint) or post it to the address above. Filing is free, and the law forbids the organisation from retaliating against you for it.',
    deadlineLine(p),
    `Your details: ${patientName(p)}, ${blanks.fill(patient.address, 'your address').replace(/\r?\n/g, ', ')}, ${contact || blanks.fill(null, 'your phone number or email')}.`,
    rep
      ? `Filing for someone else: ${rep.name} files for ${patientName(p)}${given(rep.relationship) ? ` as their ${given(rep.relationship)}` : ''}; attach proof of that authority.`
      : 'Filing for: yourself.',
    `The organisation: ${blanks.fill(r.organisation, 'name of the hospital or practice')}${given(r.office) ? `, ${given(r.office)}` : ''}, ${blanks.fill(r.address, 'their postal address').replace(/\r?\n/g, ', ')}.`,
    `Your relationship to it: ${facts.relationToOrganisation ? RELATION[facts.relationToOrganisation] : blanks.fill(null, 'patient, employee or other')}`,
    ...(facts.exam ? [`Which exam: ${examPhrase(facts.exam, blanks)}.`] : []),
    `When it happened: ${blanks.fill(facts.whenHappened, 'when it happened')}.`,
    `What happened: ${blanks.fill(facts.whatHappened, 'what happened, in your words')}`,
    `Why you believe it breaks the privacy rules: ${blanks.fill(facts.whyWrong, 'which right or rule was not respected')}`,
    ...(given(facts.earlierCaseNumber) ? [`Earlier OCR case number: ${given(facts.earlierCaseNumber)}.`] : []),
    letters.length > 0
      ? `Letters you sent, and replies (attach copies): ${letters.map((l) => `${longDate(l.date)}: ${l.what}${l.reply ? ` (reply: ${l.reply})` : ' (no reply)'}`).join('; ')}.`
      : 'Letters you sent, and replies: none recorded in ScanVault. If you wrote to them, attach copies.',
    'The form asks whether OCR may tell the organisation who you are. If you say no, OCR may not be able to look into the complaint.',
    'Sign and date the complaint before you send it.',
  ];
}
