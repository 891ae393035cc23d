/** Entry point: picks the API for this host, then renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi, uploadFile } from './api/client';
import type { Services } from './services';
import { ServicesProvider } from './services';
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/import.css';
import './styles/library.css';
import './styles/people.css';
import './styles/study.css';
import './styles/details.css';
import './styles/exams.css';
import './styles/share.css';

function loadServices(): Services {
  const host = window.scanvaultHost;
  return { api: getApi(), uploadFile, pathForFile: host ? (file) => host.pathForFile(file) : null };
}

// A file dropped outside the drop zone must not make the window navigate away to that file.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (e) => e.preventDefault());
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider value={loadServices()}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
