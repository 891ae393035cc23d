import { useEffect, useRef, useState } from 'react';
import type { Status } from '../../../shared/domain';
import { useApi } from '../services';
import { BackupReminder } from './backup/BackupReminder';
import { BackupScreen } from './backup/BackupScreen';
import { CompareScreen } from './compare/CompareScreen';
import { ExamsScreen } from './exams/ExamsScreen';
import { ImportScreen } from './import/ImportScreen';
import { LibraryScreen } from './library/LibraryScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { SharesScreen } from './share/SharesScreen';
import { StudyScreen } from './study/StudyScreen';
import { VerifyScreen } from './VerifyScreen';

export type Page = 'library' | 'import' | 'exams' | 'shares' | 'verify' | 'compare' | 'backup' | 'settings';

const PAGES: { page: Page; label: string }[] = [
  { page: 'library', label: 'Library' },
  { page: 'import', label: 'Import' },
  { page: 'exams', label: 'AI use' },
  { page: 'shares', label: 'Shares' },
  { page: 'verify', label: 'Check vault' },
  { page: 'compare', label: 'Check a copy' },
  { page: 'backup', label: 'Backups' },
  { page: 'settings', label: 'Settings' },
];

interface Props {
  status: Status;
  onStatus: (status: Status) => void;
}

/** The open vault: header with navigation and "Lock", and the current page. */
export function AppShell({ status, onStatus }: Props) {
  const api = useApi();
  const [page, setPage] = useState<Page>('library');
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const [verifyJobId, setVerifyJobId] = useState<string | null>(null);
  const [backupJobId, setBackupJobId] = useState<string | null>(null);
  const [compareJobId, setCompareJobId] = useState<string | null>(null);
  const [locking, setLocking] = useState(false);
  /** Counts navigation clicks: "AI use" clicked again from inside an exam goes back to its dashboard. */
  const [navClicks, setNavClicks] = useState(0);
  /** The study open in the study view, over the library; null shows the current page. */
  const [openStudyId, setOpenStudyId] = useState<number | null>(null);
  /** The share wizard, open with these studies ticked; null shows the record of shares. */
  const [shareWizard, setShareWizard] = useState<readonly number[] | null>(null);
  const share = (studyId: number) => { setOpenStudyId(null); setShareWizard([studyId]); setPage('shares'); };
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${PAGES.find((p) => p.page === page)?.label ?? ''} — ScanVault`;
    return () => {
      document.title = 'ScanVault';
    };
  }, [page]);

  // Move focus to the new page so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [page]);

  const lock = async () => {
    setLocking(true);
    const result = await api.lock({});
    setLocking(false);
    if (result.ok) onStatus(result.value);
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="shell-header">
        <div className="shell-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">ScanVault</span>
          </span>
          <nav aria-label="Main">
            <ul className="nav-list">
              {PAGES.map(({ page: p, label }) => (
                <li key={p}>
                  <button type="button" className="nav-button" aria-current={page === p ? 'page' : undefined} onClick={() => { setOpenStudyId(null); setShareWizard(null); setPage(p); setNavClicks((n) => n + 1); }}>
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <button type="button" className="button button-lock" onClick={() => void lock()} disabled={locking}>
            <span className="lock-icon" aria-hidden="true" />Lock
          </button>
        </div>
      </header>
      <main id="main" className="shell-main" ref={mainRef} tabIndex={-1}>
        <BackupReminder hidden={page === 'backup' || openStudyId !== null} onOpen={() => setPage('backup')} />
        {openStudyId !== null && <StudyScreen studyId={openStudyId} onClose={() => setOpenStudyId(null)} onShare={share} />}
        {openStudyId === null && page === 'library' && <LibraryScreen onImport={() => setPage('import')} onOpenStudy={setOpenStudyId} onShare={share} />}
        {openStudyId === null && page === 'import' && <ImportScreen status={status} jobId={importJobId} onJobId={setImportJobId} onGoToLibrary={() => setPage('library')} />}
        {openStudyId === null && page === 'exams' && <ExamsScreen key={navClicks} />}
        {openStudyId === null && page === 'shares' && <SharesScreen wizard={shareWizard} onWizard={setShareWizard} nativeDialogs={status.capabilities.nativeDialogs} />}
        {openStudyId === null && page === 'verify' && <VerifyScreen jobId={verifyJobId} onJobId={setVerifyJobId} />}
        {openStudyId === null && page === 'compare' && <CompareScreen status={status} jobId={compareJobId} onJobId={setCompareJobId} />}
        {openStudyId === null && page === 'backup' && <BackupScreen status={status} jobId={backupJobId} onJobId={setBackupJobId} />}
        {openStudyId === null && page === 'settings' && <SettingsScreen status={status} onStatus={onStatus} />}
      </main>
    </div>
  );
}
