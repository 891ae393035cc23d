/** Restriction / opt-out of secondary use and AI training, 45 CFR 164.522(a), and (b) for contact. */
import { given } from '../blanks';
import { examPhrase, identity, type Parts } from '../common';

export function restrictionBody(p: Parts): string[] {
  const { facts, blanks } = p;
  const exam = facts.exam ? `, including those from ${examPhrase(facts.exam, blanks)},` : '';
  const use = given(facts.restrictedUse)
    ?? `Do not use or disclose my images, reports or information taken from them${exam} to build, train, test or improve artificial intelligence software or other products, and do not sell, license or give them to companies for those purposes. This includes making de-identified or coded data sets from my images.`;
  const vendor = given(facts.vendorName);
  const selfPaid = given(facts.selfPaidItems);
  const contact = given(facts.alternateContact);
  return [
    identity(p),
    'Under the HIPAA Privacy Rule, 45 CFR 164.522(a), I request that you restrict the use and disclosure of my protected health information as follows:',
    use,
    ...(vendor ? [`In particular, do not disclose my information to ${vendor} for any purpose other than my own care.`] : []),
    'I also ask you to record that I opt out of any secondary use of my images for research or product development that your policies or the law let me refuse, including uses that would not need my signature.',
    ...(selfPaid ? [`I paid in full, out of pocket, for ${selfPaid}. Under 45 CFR 164.522(a)(1)(vi) you must agree not to disclose information about these to my health plan for payment or health care operations.`] : []),
    ...(contact ? [`Please contact me only ${contact}. I am asking for confidential communications under 45 CFR 164.522(b).`] : []),
    'I understand that you do not have to agree to every restriction. Please tell me in writing whether you agree, which parts you do not agree to, and what permission you would rely on to use my information this way. If you agree, please note the restriction in my record and tell any business associate that holds my images.',
  ];
}
