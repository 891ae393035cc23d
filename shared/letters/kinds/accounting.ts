/** Request for an accounting of disclosures, 45 CFR 164.528: six years back at most, 60 days. */
import { addYears, daysBetween, longDate } from '../dates';
import { examPhrase, identity, type Parts } from '../common';

export function accountingBody(p: Parts): string[] {
  const { facts, blanks } = p;
  const earliest = addYears(facts.letterDate, -6);
  const asked = facts.periodFrom ?? earliest;
  const from = asked < earliest ? earliest : asked;
  const to = facts.periodTo ?? facts.letterDate;
  const last = facts.lastAccountingRequest;
  const fee = !last
    ? 'The rule says the first accounting in any 12 months is free. If you would charge a fee for this one, please tell me the amount before preparing it, so that I can decide whether to go ahead or narrow my request.'
    : daysBetween(last, facts.letterDate) < 365
      ? `I last asked you for an accounting on ${longDate(last)}, less than 12 months ago, so you may charge a reasonable, cost-based fee. Please tell me the amount before preparing it, so that I can decide whether to go ahead or narrow my request.`
      : `My last request for an accounting was on ${longDate(last)}, more than 12 months ago, so this one is free under the rule.`;
  return [
    identity(p),
    `Under the HIPAA Privacy Rule, 45 CFR 164.528, I request an accounting of the disclosures of my protected health information that you and your business associates made from ${longDate(from)} to ${longDate(to)}.`,
    ...(asked < earliest ? [`The rule covers the six years before a request, so I am asking from ${longDate(earliest)}.`] : []),
    'Please include disclosures for research under a waiver of my authorization, disclosures to outside companies, including AI and software vendors, disclosures for public health and legal proceedings, and any breach of my information.',
    ...(facts.exam ? [`I would particularly like to know of any disclosure of images or reports from ${examPhrase(facts.exam, blanks)}.`] : []),
    'For each disclosure, please give its date, the name (and address, if known) of the person or organisation that received it, a short description of what was disclosed, and its purpose.',
    fee,
    'The rule asks you to act within 60 days of receiving this request. If you need longer, you may extend once by up to 30 days by telling me in writing why and when to expect the accounting.',
  ];
}
