import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickCareApi } from './api/pick-care-api';
import { App } from './views/app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const picked = pickCareApi();
const root = createRoot(container);
if ('error' in picked) {
  root.render(
    <main className="app-main">
      <p className="field__problem" role="alert">
        {picked.error}
      </p>
    </main>,
  );
} else {
  root.render(
    <StrictMode>
      <App api={picked.api} />
    </StrictMode>,
  );
}
