/** Long work (import, verify, …) runs as a job the UI polls for progress and can cancel. */
import { Job } from '../domain';
import { JobRef, method } from './method';

export const jobMethods = {
  getJob: method(JobRef, Job, { needsUnlock: true }),
  cancelJob: method(JobRef, Job, { needsUnlock: true }),
} as const;
