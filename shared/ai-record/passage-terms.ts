/**
 * The phrases a patient is told to look for in a consent form or privacy notice, grouped by what
 * they mean, each group with one plain sentence for the patient. Read by `findPassages`
 * (./passages.ts); the UI shows `label` and `explanation` beside each passage found.
 *
 * Patterns run on text that has been cleaned first (line-break hyphens joined, soft hyphens and
 * ligatures resolved, whitespace collapsed to single spaces), case-insensitively and with the `u`
 * flag; passages.ts adds the word boundaries, so a pattern never needs `\b`. A hyphen split at a
 * line break is joined without its hyphen ("de-\nidentified" becomes "deidentified"), so compound
 * words allow an optional hyphen or space: `de-?identif`.
 * `(?-i:US)` (a regexp modifier, Node 22+ and Chromium 125+) keeps a pattern case-sensitive where
 * "us" would be a false hit.
 */

export const PASSAGE_TERMS = [
  'data-sharing', 'de-identified', 'secondary-use', 'research-and-development', 'training', 'third-party',
  'cloud', 'sale-or-commercial', 'opt-out', 'no-expiry', 'redisclosure', 'revocation', 'remuneration',
  'coded-or-pseudonymised', 'operations',
] as const;
export type PassageTerm = (typeof PASSAGE_TERMS)[number];

export interface TermGroup {
  term: PassageTerm;
  /** A short heading for the group. */
  label: string;
  /** What a passage of this kind usually means for the patient, in one sentence. */
  explanation: string;
  /** Regular-expression sources (no flags, no word boundaries: those are added). */
  patterns: readonly string[];
}

/** Words that may sit between a verb like "train" and what is trained ("train our new models"). */
const FILLER = String.raw`(?:,?\s+(?:train|and|or|to|on|with|for|of|the|our|its|their|your|new|future|such|these|those|a|an|improve|improving|test|testing|validate|validating|develop|developing|build|building|other))*`;
const AI_THING = String.raw`(?:AI|A\.I\.|artificial intelligence|machine[- ]?learning|deep[- ]?learning|models?|algorithms?|software|systems?|tools?|neural networks?|products?|technolog(?:y|ies))`;
const TRAIN = String.raw`train(?:s|ed|ing)?`;
const AUX = String.raw`(?:\s+(?:are|is|was|were|be|been|being|may|might|will|can|could|would|then|also|later|first))*`;

export const TERM_GROUPS: readonly TermGroup[] = [
  {
    term: 'data-sharing', label: 'Sharing your information',
    explanation: 'Says who your images or records may be given to; check whether it names them and whether you are asked first.',
    patterns: [
      String.raw`(?:data|information)[- ]?shar(?:e|es|ed|ing)`,
      String.raw`shar(?:e|es|ed|ing)(?:\s+(?:it|them|this|that|your|my|the|some|all|of|health|medical|personal|imaging))*\s+(?:data|information|images?|records?|scans?|results)`,
      String.raw`shar(?:e|es|ed|ing)\s+(?:it\s+|them\s+)?with`,
      String.raw`disclos(?:e|es|ed|ing|ures?)`,
    ],
  },
  {
    term: 'de-identified', label: 'Identifying details removed',
    explanation: 'Your name and other details may be taken off before others use your images; such data loses most legal protection, and images can still show a face or burned-in text.',
    patterns: [
      String.raw`de-?identif(?:y|ies|ied|ying|ication|iable)`,
      String.raw`anonymi[sz](?:e|es|ed|ing|ation)`,
      String.raw`anonymous(?:ly)?`,
      String.raw`identifiers?\s+(?:may|will|can|would|are|is)\s+(?:be\s+)?(?:removed|stripped|deleted|taken off)`,
      String.raw`(?:remov|strip|delet)(?:e|es|ed|ing)\s+(?:of\s+)?(?:your\s+|all\s+|any\s+|the\s+)?(?:name|identifiers|identifying (?:details|information))`,
      String.raw`without\s+(?:your\s+)?(?:name|identifiers)`,
    ],
  },
  {
    term: 'secondary-use', label: 'Use beyond your care',
    explanation: 'Your images may be used for something other than your own care, sometimes without asking you again.',
    patterns: [
      String.raw`secondary\s+(?:uses?|purposes?)`,
      String.raw`future\s+(?:research|uses?|studies|projects|purposes)`,
      String.raw`(?:other|additional|unrelated)\s+(?:research|purposes|studies|uses)`,
      String.raw`without\s+(?:asking\s+you\s+again|(?:additional|further|new|separate|your)\s+(?:informed\s+)?(?:consent|permission|authori[sz]ation))`,
    ],
  },
  {
    term: 'research-and-development', label: 'Research and product development',
    explanation: 'Your images may be used for research or to build products; ask whether that needs your permission and in what form they are used.',
    patterns: [
      String.raw`research\s+and\s+development`,
      String.raw`R\s?&\s?D`,
      String.raw`research(?:es|ed|ing|ers)?`,
      String.raw`product\s+development`,
      String.raw`develop(?:s|ed|ing)?\s+(?:new\s+)?(?:products|services|tools|technolog(?:y|ies))`,
    ],
  },
  {
    term: 'training', label: 'Training AI',
    explanation: 'Your images may be used to build, train or improve AI software, often for a company.',
    patterns: [
      TRAIN + FILLER + String.raw`\s+` + AI_THING,
      AI_THING + AUX + String.raw`\s+` + TRAIN,
      String.raw`training\s+(?:data(?:\s?sets?)?|sets?|purposes|images)`,
      String.raw`(?:develop|improv|build|creat|validat)(?:e|es|ed|ing|s)?` + FILLER + String.raw`\s+(?:AI|A\.I\.|artificial intelligence|machine[- ]?learning|deep[- ]?learning|algorithms?|(?:AI|computer|statistical)\s+models?)`,
      String.raw`artificial intelligence`,
      String.raw`machine[- ]?learning`,
      String.raw`deep[- ]?learning`,
    ],
  },
  {
    term: 'third-party', label: 'Other organisations',
    explanation: 'Someone outside the hospital or practice may receive or handle your information.',
    patterns: [
      String.raw`third[- ]?part(?:y|ies)`,
      String.raw`business\s+associates?`,
      String.raw`(?:service\s+providers?|vendors?|contractors?|subcontractors?)`,
      String.raw`outside\s+(?:companies|company|organi[sz]ations?|parties|entities|partners)`,
    ],
  },
  {
    term: 'cloud', label: 'Cloud or remote processing',
    explanation: 'Your images may be sent to computers run by another company, possibly in another country.',
    patterns: [
      String.raw`cloud(?:s)?`,
      String.raw`remote\s+servers?`,
      String.raw`(?:off-?site|external|outside)\s+(?:servers?|storage|hosting|data\s+cent(?:er|re)s?)`,
      String.raw`data\s+cent(?:er|re)s?`,
      String.raw`hosted\s+(?:by|off-?site|externally|outside)`,
      String.raw`(?:outside|beyond)\s+(?:the\s+)?(?:United States|(?-i:U\.S\.|US|EU|EEA|UK)|country|European Union|European Economic Area)`,
    ],
  },
  {
    term: 'sale-or-commercial', label: 'Selling or commercial use',
    explanation: 'Your information may be sold, licensed or used by companies to make money.',
    patterns: [
      // "sellers"/"seller" are left out on purpose: they name a party, not the act of selling data.
      String.raw`(?:re)?sell(?:s|ing)?`,
      String.raw`sold`,
      String.raw`(?:re)?sales?`,
      String.raw`commerciali[sz](?:e|es|ed|ing|ation)`,
      String.raw`commercial(?:ly)?`,
      String.raw`for-?profit`,
      String.raw`profits?`,
      String.raw`licen[cs](?:e|es|ed|ing)\s+(?:it|them|this|your\s+\w+|the\s+\w+|data|information|images)\s+to`,
    ],
  },
  {
    term: 'opt-out', label: 'Saying no',
    explanation: 'Shows whether and how you can refuse this use; note what it says happens if you do.',
    patterns: [
      String.raw`opt(?:s|ed|ing)?[- ]?out`,
      String.raw`choose\s+not\s+to`,
      String.raw`(?:may|can|have the right to)\s+(?:decline|refuse|object)`,
      String.raw`object\s+to`,
    ],
  },
  {
    term: 'no-expiry', label: 'How long the permission lasts',
    explanation: 'Says when your permission ends; "does not expire" means it runs until you cancel it.',
    patterns: [
      String.raw`(?:does|do|will|shall)\s+not\s+expire`,
      String.raw`never\s+expires?`,
      String.raw`no\s+(?:expiration|expiry|end)\s+date`,
      String.raw`expir(?:e|es|ed|ation|y)`,
      String.raw`(?:until|at)\s+the\s+end\s+of\s+the\s+(?:research\s+)?(?:study|project|research)`,
      String.raw`indefinitely`,
      String.raw`for\s+as\s+long\s+as`,
    ],
  },
  {
    term: 'redisclosure', label: 'Passed on again',
    explanation: 'Once given out, your information may be passed on again and may no longer be protected by health privacy law.',
    patterns: [
      String.raw`re-?disclos(?:e|es|ed|ing|ures?)`,
      String.raw`no\s+longer\s+(?:be\s+)?protected`,
      String.raw`(?:may|might)\s+not\s+(?:be\s+)?protected`,
    ],
  },
  {
    term: 'revocation', label: 'Taking your permission back',
    explanation: 'Says how to cancel your permission; usually in writing, and what was already done with your data stays done.',
    patterns: [
      String.raw`revo(?:ke|kes|ked|king|cation|cable)`,
      String.raw`withdraw(?:s|n|al|ing)?(?:\s+(?:your|my|this|the))?\s+(?:consent|permission|authori[sz]ation)`,
      String.raw`cancel(?:s|led|ling)?(?:\s+(?:your|my|this|the))?\s+(?:consent|permission|authori[sz]ation)`,
      String.raw`already\s+(?:been\s+)?(?:acted|relied)\s+on`,
    ],
  },
  {
    term: 'remuneration', label: 'Money involved',
    explanation: 'Someone may be paid for your information; selling identifiable health information needs your written permission saying so.',
    patterns: [
      String.raw`remunerat(?:e|ed|ion)`,
      String.raw`royalt(?:y|ies)`,
      String.raw`financial\s+(?:benefit|gain|interest|compensation)s?`,
      // "workers' compensation" is a standard disclosure category in every HIPAA notice, not payment for data.
      String.raw`(?<!workers['’]?\s)compensat(?:e|ed|ion)`,
      String.raw`(?:paid|payment)\s+(?:for|in exchange for)\s+(?:your|the|this|access)`,
      String.raw`share\s+in\s+(?:(?:any|the)\s+)*(?:profits?|proceeds|income)`,
    ],
  },
  {
    term: 'coded-or-pseudonymised', label: 'Coded, still linkable to you',
    explanation: 'Your name is replaced by a code, but whoever holds the key can still link the data back to you.',
    patterns: [
      // Not bare "coded": notices say diagnoses "are coded for billing".
      String.raw`coded\s+(?:data(?:\s?sets?)?|information|images|samples|specimens|records|health information)`,
      String.raw`(?:data(?:\s?sets?)?|information|images|samples|specimens|records)\s+(?:is|are|will be|may be|would be)\s+coded`,
      String.raw`(?:code|study|subject)\s+(?:number|ID|identifier)s?`,
      String.raw`pseudonymi[sz](?:e|es|ed|ing|ation)`,
      String.raw`pseudo-?anonymi[sz](?:e|es|ed|ing|ation)`,
      String.raw`re-?identif(?:y|ies|ied|ying|ication|iable)`,
      String.raw`(?:key|link)\s+(?:to|between)\s+the\s+code`,
    ],
  },
  {
    term: 'operations', label: 'Internal use without asking',
    explanation: 'Uses labelled "operations" or quality work need no signature from you, and testing AI in-house often falls here.',
    patterns: [
      String.raw`(?:health\s?care|business|hospital|internal)\s+operations`,
      String.raw`quality\s+(?:improvement|assurance|control|review)`,
      String.raw`internal\s+(?:purposes|uses?|review|validation|testing|evaluation)`,
    ],
  },
];

export function termGroup(term: PassageTerm): TermGroup {
  const group = TERM_GROUPS.find((g) => g.term === term);
  if (!group) throw new Error(`unknown passage term ${term}`);
  return group;
}
