import type { ReactNode } from 'react';

/** The calm, narrow page used before the vault is open (first run, recovery key, unlock). */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-page">
      <header className="auth-brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">ScanVault</span>
      </header>
      <main className="auth-card">{children}</main>
    </div>
  );
}
