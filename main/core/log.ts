/**
 * A logger that cannot print patient data by construction: it accepts an event name made of
 * lowercase words and a record of numbers/booleans/error codes only. No free text, no datasets.
 */
export type LogFields = Record<string, number | boolean | null | undefined>;
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields & { code?: never }, code?: string): void;
}

const EVENT = /^[a-z][a-z0-9.-]{0,60}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,40}$/;

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  function emit(level: string, event: string, fields?: LogFields, code?: string): void {
    const safeEvent = EVENT.test(event) ? event : 'invalid-event-name';
    const parts = [`[scanvault] ${level} ${safeEvent}`];
    if (code !== undefined) parts.push(`code=${CODE.test(code) ? code : 'UNKNOWN'}`);
    for (const [k, v] of Object.entries(fields ?? {})) {
      if (v === undefined || !/^[a-zA-Z]{1,30}$/.test(k)) continue;
      if (typeof v === 'number' || typeof v === 'boolean' || v === null) parts.push(`${k}=${String(v)}`);
    }
    write(parts.join(' '));
  }
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields, code) => emit('warn', event, fields, code),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };
