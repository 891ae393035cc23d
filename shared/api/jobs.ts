/** Long work (import, verify, …) runs as a job the UI polls for progress and can cancel. */
import { Job } from '../domain';
import { JobRef, method } from './method';

export const jobMethods = {
  // Open while locked too: a restore runs without an open vault, and locking clears every other job.
  getJob: method(JobRef, Job, { needsUnlock: false }),
  cancelJob: method(JobRef, Job, { needsUnlock: false }),
} as const;
