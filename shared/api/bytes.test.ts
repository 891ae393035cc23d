import { describe, expect, it } from 'vitest';
import { BYTE_RESOURCE_KINDS, byteResponseHeaders, bytePath, parseBytePath } from './bytes';

describe('byte paths', () => {
  it('round-trips every resource kind', () => {
    for (const kind of BYTE_RESOURCE_KINDS) {
      expect(parseBytePath(bytePath({ kind, id: 42 }))).toEqual({ kind, id: 42 });
    }
    expect(bytePath({ kind: 'instance', id: 123 })).toBe('/bytes/instance/123');
    expect(parseBytePath('/bytes/encapsulated-pdf/7')).toEqual({ kind: 'encapsulated-pdf', id: 7 });
  });

  it.each([
    '/bytes/instance/0', '/bytes/instance/-1', '/bytes/instance/01', '/bytes/instance/1.5', '/bytes/instance/1e3',
    '/bytes/instance/99999999999999999', '/bytes/frame/1', '/bytes/Instance/1', '/bytes/instance/1/', '/bytes/instance/',
    '/bytes/instance/1?x', '/api/bytes/instance/1', '/bytes/constructor/1', '/bytes/__proto__/1',
    '/bytes/encapsulated-/1', '/bytes/-pdf/1', '/bytes/encapsulated--pdf/1', '/bytes/encapsulated_pdf/1',
  ])('refuses %s', (p) => {
    expect(parseBytePath(p)).toBeNull();
  });

  it('refuses ids a builder must never produce', () => {
    expect(() => bytePath({ kind: 'instance', id: 0 })).toThrow();
    expect(() => bytePath({ kind: 'instance', id: 2 ** 53 })).toThrow();
  });

  it('promises no-store, nosniff and a filename-free disposition', () => {
    expect(byteResponseHeaders('attachment', 10)).toEqual({
      'Content-Type': 'application/pdf', 'Content-Length': '10', 'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline',
    });
    expect(byteResponseHeaders('instance', 5, { start: 5, end: 9, size: 20 })['Content-Range']).toBe('bytes 5-9/20');
  });
});
