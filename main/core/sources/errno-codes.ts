import type { SourceErrorCode } from './types';

/** Maps an operating-system error to a stable code; the original text (it has the path) is dropped. */
export function errnoToCode(err: unknown): SourceErrorCode | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'FILE_UNREADABLE';
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ELOOP':
      return 'FILE_CHANGED';
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
    case 'ESTALE':
    case 'ETIMEDOUT':
      return 'FILE_READ_FAILED';
    default:
      return null;
  }
}
