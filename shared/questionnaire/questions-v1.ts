/**
 * Version 1 of the questionnaire: the eighteen topics of the AI-use reference (Q01..Q18), some split
 * so that each question has one answer. Wording is ScanVault's own, written for patients.
 * Ids are permanent: add new questions with new ids; never rename, drop or reuse one.
 */
import type { Question, Questionnaire } from './model';

const YES = ['yes'] as const;
const NO = ['no'] as const;

const QUESTIONS: readonly Question[] = [
  {
    id: 'ai-used', topic: 'Q01', type: 'ynu',
    text: 'Was any AI software used on this exam?',
    why: 'Some laws and medical guidelines say you should be told when AI is part of your care.',
    flags: [{ flag: 'ai-used', when: YES }],
  },
  {
    id: 'ai-tasks', topic: 'Q02', type: 'multi',
    text: 'What did the AI do?',
    why: 'Which rules apply depends on the job the AI did, for example reading images or writing messages.',
    options: [
      { value: 'reconstruction', label: 'Made or cleaned up the images' },
      { value: 'triage', label: 'Sorted which scans get read first' },
      { value: 'detection', label: 'Looked for findings' },
      { value: 'measurement', label: 'Measured something' },
      { value: 'report-draft', label: 'Drafted the report' },
      { value: 'patient-message', label: 'Wrote a message to me' },
      { value: 'other', label: 'Something else' },
    ],
    detail: 'Anything more they said',
    flags: [{ flag: 'ai-used', when: ['reconstruction', 'triage', 'detection', 'measurement', 'report-draft', 'patient-message', 'other'] }],
  },
  {
    id: 'ai-product', topic: 'Q03', type: 'text',
    text: 'Which AI product was it: its name, who makes it, and which version?',
    why: 'You can only look a tool up, or ask about it later, when you know its name.',
  },
  {
    id: 'ai-regulatory-status', topic: 'Q04', type: 'text',
    text: 'What is its FDA clearance number (starting K, DEN or P) or its CE marking?',
    why: 'The public FDA record shows what the tool is cleared for and how it was tested.',
  },
  {
    id: 'ai-within-cleared-use', topic: 'Q05', type: 'ynu',
    text: 'Was it used for what it is cleared for, and on patients like you?',
    why: 'A tool used outside what it was tested for is a known source of mistakes.',
    detail: 'What they said about its cleared use',
  },
  {
    id: 'radiologist-review', topic: 'Q06', type: 'ynu',
    text: 'Did a radiologist look at the images and the AI’s results before the report was signed? Who?',
    why: 'A doctor should check what the AI produced before it goes into your record.',
    detail: 'Who reviewed them',
    flags: [{ flag: 'no-human-review', when: NO }],
  },
  {
    id: 'ai-changed-care', topic: 'Q07', type: 'multi',
    text: 'Did the AI change the findings, how urgently you were seen, or your follow-up?',
    why: 'When AI shapes a decision about you, you may have extra rights to an explanation and a human review.',
    options: [
      { value: 'no', label: 'No, it changed nothing' },
      { value: 'finding', label: 'The findings' },
      { value: 'priority', label: 'How urgently I was seen' },
      { value: 'follow-up', label: 'My follow-up' },
    ],
  },
  {
    id: 'told-about-ai', topic: 'Q08', type: 'multi',
    text: 'Were you told that AI was used? When, and how?',
    why: 'Some laws require you to be told by the day of your care.',
    options: [
      { value: 'before', label: 'Before the exam' },
      { value: 'at', label: 'At the exam' },
      { value: 'after', label: 'After the exam' },
      { value: 'never', label: 'I was never told' },
    ],
    detail: 'How you were told',
    date: 'When you were told',
  },
  {
    id: 'ai-message-unreviewed', topic: 'Q09', type: 'ynu',
    text: 'Did you get a message written by AI that no clinician checked?',
    why: 'Some laws require AI-written health messages to say so unless a clinician reviewed them.',
    flags: [{ flag: 'no-human-review', when: YES }],
  },
  {
    id: 'ai-message-disclosed', topic: 'Q09', type: 'ynu',
    text: 'If so, did the message say it was written by AI and tell you how to reach a person?',
    why: 'Both the notice and a way to reach a human are required for such messages in some places.',
  },
  {
    id: 'ai-performance-info', topic: 'Q10', type: 'ynu',
    text: 'Can they share how accurate the tool is, how it was tested on patients like you, and its limits?',
    why: 'Regulators list accuracy, testing and limits as what people relying on a tool need to know.',
    detail: 'What they shared (attach any document)',
  },
  {
    id: 'cloud-processing', topic: 'Q11', type: 'ynu',
    text: 'Were your images or data sent to an outside company or a cloud service for the AI?',
    why: 'Data that leaves the hospital is handled under the other company’s rules too.',
    detail: 'Which company or service',
    flags: [{ flag: 'cloud', when: YES }],
  },
  {
    id: 'processing-country', topic: 'Q11', type: 'choice',
    text: 'In which country was the data processed?',
    why: 'Some laws limit sending health data to other countries.',
    options: [
      { value: 'same-country', label: 'In my own country' },
      { value: 'other-country', label: 'In another country' },
    ],
    detail: 'Which country',
    flags: [{ flag: 'outside-country', when: ['other-country'] }],
  },
  {
    id: 'vendor-keeps-copies', topic: 'Q12', type: 'ynu',
    text: 'Does the AI company keep copies of your images or results, or use them again?',
    why: 'Using your data for anything beyond your care needs its own permission or legal basis.',
    detail: 'What they keep and for how long',
  },
  {
    id: 'training-use', topic: 'Q13', type: 'multi',
    text: 'Are your images used to train, test or research AI? In what form?',
    why: 'Data with your name, with only some details, or with all identifiers removed falls under different rules.',
    options: [
      { value: 'identifiable', label: 'With my name or ID on it' },
      { value: 'limited-data-set', label: 'With dates or ZIP code left in (a limited data set)' },
      { value: 'de-identified', label: 'With identifying details removed' },
      { value: 'none', label: 'Not used for this' },
    ],
    flags: [{ flag: 'training-use', when: ['identifiable', 'limited-data-set', 'de-identified'] }],
  },
  {
    id: 'permission-basis', topic: 'Q14', type: 'multi',
    text: 'What permission did they rely on for that use? Can you have a copy?',
    why: 'A permission you signed must contain certain things, and uses approved without you show up in their records.',
    options: [
      { value: 'my-authorization', label: 'A form I signed' },
      { value: 'irb-waiver', label: 'A research board waived my consent' },
      { value: 'de-identified', label: 'None needed because it was de-identified' },
      { value: 'operations', label: 'Their own quality or operations work' },
    ],
    detail: 'What they said (attach a copy if you got one)',
  },
  {
    id: 'deid-method', topic: 'Q15', type: 'choice',
    text: 'If the images were de-identified, which method was used?',
    why: 'The method decides how well you are protected from being recognised.',
    options: [
      { value: 'safe-harbor', label: 'Listed identifiers removed (Safe Harbor)' },
      { value: 'expert', label: 'An expert judged the risk (Expert Determination)' },
    ],
  },
  {
    id: 'deid-burned-in-and-face', topic: 'Q15', type: 'ynu',
    text: 'Were names printed inside the images, and faces that could be rebuilt from head scans, removed too?',
    why: 'Text burned into the pictures and 3D face images can identify you even when the labels are removed.',
  },
  {
    id: 'sold-or-shared', topic: 'Q16', type: 'ynu',
    text: 'Were your images or data sold, licensed or shared with a company? Was anything paid?',
    why: 'Selling health data that identifies you needs your written permission.',
    detail: 'Which company, and what was paid',
    flags: [{ flag: 'sold-or-shared', when: YES }],
  },
  {
    id: 'opt-out-ai', topic: 'Q17', type: 'ynu',
    text: 'Can you say no to AI being used on your exams? What happens if you do?',
    why: 'Guidance says refusing AI should not cost you care, and some places give you a right to object.',
    detail: 'How to opt out, and what it changes',
    flags: [{ flag: 'no-opt-out', when: NO }],
  },
  {
    id: 'opt-out-secondary-use', topic: 'Q17', type: 'ynu',
    text: 'Can you say no to your images being used for research, training or other purposes beyond your care?',
    why: 'You can ask for such uses to be restricted, and some countries have national opt-outs.',
    detail: 'How to opt out',
    flags: [{ flag: 'no-opt-out', when: NO }],
  },
  {
    id: 'opted-out', topic: 'Q17', type: 'ynu',
    text: 'Did you opt out?',
    why: 'A record of when you opted out helps if your data is used anyway.',
    date: 'When you opted out',
  },
  {
    id: 'accounting-lists-exam', topic: 'Q18', type: 'ynu',
    text: 'Does their list of who your records were given to (the “accounting of disclosures”) include this exam?',
    why: 'Research done without your consent must appear on that list, which you have a right to ask for.',
    date: 'Date of the list you got',
  },
];

export const QUESTIONNAIRE_V1: Questionnaire = Object.freeze({ version: 1, questions: Object.freeze(QUESTIONS) });
