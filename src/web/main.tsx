// First: module code below may already parse with zod.
import './lib/no-eval.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App, preloadFrontDoor } from './app.tsx';
import { queryClient } from './lib/query-client.ts';
import { SessionProvider } from './lib/session.tsx';
import './styles.css';
// After styles.css: the phone rules win at equal specificity.
import './phone.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

preloadFrontDoor(window.location.pathname);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
