/** AI-use inquiry for one exam: the chosen questions, the product and its FDA record, state law. */
import { given } from '../blanks';
import { examPhrase, identity, type Parts } from '../common';

const STATE_LAW: Record<string, string> = {
  TX: 'The exam took place in Texas. Texas law asks practitioners who use AI for diagnostic purposes to tell their patients and to review the records it helps create (Health and Safety Code, chapter 183), and from January 1, 2026 providers must tell patients in plain language when AI is used in their care.',
  CA: 'The exam took place in California, where messages about a patient’s clinical information written by generative AI must say so and tell the patient how to reach a person (Health and Safety Code section 1339.75).',
  CO: 'The exam took place in Colorado, where from January 1, 2027 people affected by automated decisions about access to health care have a right to be told and to an explanation.',
};

export function aiUseInquiryBody(p: Parts): string[] {
  const { facts, blanks } = p;
  const questions = facts.questions ?? [];
  const list = questions.length > 0
    ? questions.map((q, i) => `${i + 1}. ${q}`)
    : [`1. ${blanks.fill(null, 'the questions you want answered')}`];
  const state = given(facts.examState)?.toUpperCase();
  return [
    identity(p),
    `This letter is about ${examPhrase(facts.exam, blanks)}. I would like to know whether artificial intelligence (AI) software was used on this exam and, if so, how. Please answer the questions below. Where an answer is not known, please say so; that is a useful answer too.`,
    ...list,
    'If AI software was used, please name each product with its maker and version, and give its FDA clearance or approval number (a 510(k) "K", De Novo "DEN" or PMA "P" number) or its CE marking status.',
    'If the software is decision support supplied with your electronic health record, please also share the source information its developer must give you under 45 CFR 170.315(b)(11): what it is meant for, what data it was developed and tested on, and its known limits.',
    ...(state && STATE_LAW[state] ? [STATE_LAW[state]] : []),
    'Please also send me a copy of any notice, consent form or policy about AI or about the use of patients’ images that applies to this exam.',
  ];
}
