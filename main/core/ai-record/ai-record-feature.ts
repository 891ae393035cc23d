/** The AI-use record: exams, answers with history, follow-ups, providers, documents and letters. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import { CoreError } from '../core-error';
import type { OpenVault } from '../vault/vault';

type M = 'listExams' | 'getExam' | 'createExam' | 'updateExam' | 'linkExamStudy' | 'recordAnswer' | 'setFollowUp'
  | 'listFollowUps' | 'listProviders' | 'saveProvider' | 'attachDocument' | 'listDocuments' | 'findConsentPassages'
  | 'getDocumentPassages' | 'listLetters' | 'createLetter' | 'getLetter' | 'updateLetter' | 'markLetterSent';
type In<K extends M> = ApiParsedInput<K>;
type Out<K extends M> = Promise<ApiOutput<K>>;

function notYet(): never {
  throw new CoreError('INTERNAL', 'The AI-use record is not ready in this build yet.');
}

export class AiRecordFeature {
  constructor(private readonly vault: () => OpenVault) {}

  private check(): void { this.vault(); notYet(); }

  async listExams(_i: In<'listExams'>): Out<'listExams'> { this.check(); return notYet(); }
  async getExam(_i: In<'getExam'>): Out<'getExam'> { this.check(); return notYet(); }
  async createExam(_i: In<'createExam'>): Out<'createExam'> { this.check(); return notYet(); }
  async updateExam(_i: In<'updateExam'>): Out<'updateExam'> { this.check(); return notYet(); }
  async linkExamStudy(_i: In<'linkExamStudy'>): Out<'linkExamStudy'> { this.check(); return notYet(); }
  async recordAnswer(_i: In<'recordAnswer'>): Out<'recordAnswer'> { this.check(); return notYet(); }
  async setFollowUp(_i: In<'setFollowUp'>): Out<'setFollowUp'> { this.check(); return notYet(); }
  async listFollowUps(): Out<'listFollowUps'> { this.check(); return notYet(); }
  async listProviders(): Out<'listProviders'> { this.check(); return notYet(); }
  async saveProvider(_i: In<'saveProvider'>): Out<'saveProvider'> { this.check(); return notYet(); }
  async attachDocument(_i: In<'attachDocument'>): Out<'attachDocument'> { this.check(); return notYet(); }
  async listDocuments(_i: In<'listDocuments'>): Out<'listDocuments'> { this.check(); return notYet(); }
  async findConsentPassages(_i: In<'findConsentPassages'>): Out<'findConsentPassages'> { this.check(); return notYet(); }
  async getDocumentPassages(_i: In<'getDocumentPassages'>): Out<'getDocumentPassages'> { this.check(); return notYet(); }
  async listLetters(_i: In<'listLetters'>): Out<'listLetters'> { this.check(); return notYet(); }
  async createLetter(_i: In<'createLetter'>): Out<'createLetter'> { this.check(); return notYet(); }
  async getLetter(_i: In<'getLetter'>): Out<'getLetter'> { this.check(); return notYet(); }
  async updateLetter(_i: In<'updateLetter'>): Out<'updateLetter'> { this.check(); return notYet(); }
  async markLetterSent(_i: In<'markLetterSent'>): Out<'markLetterSent'> { this.check(); return notYet(); }
}
