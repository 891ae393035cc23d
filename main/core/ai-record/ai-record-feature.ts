/** The AI-use record: exams, answers with history, follow-ups, providers, documents and letters. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import { findPassages } from '../../../shared/ai-record/passages';
import type { JobRunner } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import * as answers from './answers';
import { getDocumentPassages, startFindPassages, type DocumentReader } from './consent-passages';
import type { AiContext } from './context';
import { extractDocumentText } from './document-text';
import * as documents from './documents';
import * as exams from './exams';
import * as letters from './letters';
import * as providers from './providers';

type M = 'listExams' | 'getExam' | 'createExam' | 'updateExam' | 'linkExamStudy' | 'recordAnswer' | 'setFollowUp'
  | 'listFollowUps' | 'listProviders' | 'saveProvider' | 'attachDocument' | 'listDocuments' | 'findConsentPassages'
  | 'getDocumentPassages' | 'listLetters' | 'createLetter' | 'getLetter' | 'updateLetter' | 'markLetterSent';
type In<K extends M> = ApiParsedInput<K>;
type Out<K extends M> = Promise<ApiOutput<K>>;

export interface AiRecordDeps {
  vault: () => OpenVault;
  jobs: JobRunner;
  uploads: documents.UploadTaker;
  now: () => number;
  /** The consent-form reader (default: pdf.js text or offline OCR, then the passage finder). */
  reader?: DocumentReader;
}

const DEFAULT_READER: DocumentReader = { extractText: extractDocumentText, findPassages };

export class AiRecordFeature {
  private readonly ctx: AiContext;

  constructor(private readonly deps: AiRecordDeps) {
    this.ctx = { vault: deps.vault, now: deps.now };
  }

  async listExams(i: In<'listExams'>): Out<'listExams'> { return exams.listExams(this.ctx, i); }
  async getExam(i: In<'getExam'>): Out<'getExam'> { return exams.getExam(this.ctx, i); }
  createExam(i: In<'createExam'>): Out<'createExam'> { return exams.createExam(this.ctx, i); }
  updateExam(i: In<'updateExam'>): Out<'updateExam'> { return exams.updateExam(this.ctx, i); }
  linkExamStudy(i: In<'linkExamStudy'>): Out<'linkExamStudy'> { return exams.linkExamStudy(this.ctx, i); }

  recordAnswer(i: In<'recordAnswer'>): Out<'recordAnswer'> { return answers.recordAnswer(this.ctx, i); }
  setFollowUp(i: In<'setFollowUp'>): Out<'setFollowUp'> { return answers.setFollowUp(this.ctx, i); }
  async listFollowUps(): Out<'listFollowUps'> { return answers.listFollowUps(this.ctx); }

  async listProviders(): Out<'listProviders'> { return providers.listProviders(this.ctx); }
  saveProvider(i: In<'saveProvider'>): Out<'saveProvider'> { return providers.saveProvider(this.ctx, i); }

  attachDocument(i: In<'attachDocument'>): Out<'attachDocument'> { return documents.attachDocument(this.ctx, this.deps.uploads, i); }
  async listDocuments(i: In<'listDocuments'>): Out<'listDocuments'> { return documents.listDocuments(this.ctx, i); }
  async findConsentPassages(i: In<'findConsentPassages'>): Out<'findConsentPassages'> {
    return startFindPassages(this.ctx, this.deps.jobs, this.deps.reader ?? DEFAULT_READER, i);
  }
  async getDocumentPassages(i: In<'getDocumentPassages'>): Out<'getDocumentPassages'> { return getDocumentPassages(this.ctx, i); }

  async listLetters(i: In<'listLetters'>): Out<'listLetters'> { return letters.listLetters(this.ctx, i); }
  createLetter(i: In<'createLetter'>): Out<'createLetter'> { return letters.createLetter(this.ctx, i); }
  async getLetter(i: In<'getLetter'>): Out<'getLetter'> { return letters.getLetter(this.ctx, i); }
  updateLetter(i: In<'updateLetter'>): Out<'updateLetter'> { return letters.updateLetter(this.ctx, i); }
  markLetterSent(i: In<'markLetterSent'>): Out<'markLetterSent'> { return letters.markLetterSent(this.ctx, i); }
}
