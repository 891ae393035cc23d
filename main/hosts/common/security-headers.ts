/** Headers every host sends with every page and API answer (browser host and Electron window alike). */

/**
 * Content Security Policy of the browser host and the Electron window. `connectSources` adds
 * origins the page may fetch from besides its own: the Electron window reads file bytes from its
 * byte scheme (a different origin from app://); the browser host serves them on its own origin.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The browser host's CSP (its byte route is on its own origin). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // Responses may hold patient data: never let the browser keep them in its disk cache.
  'Cache-Control': 'no-store',
};
