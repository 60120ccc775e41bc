import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createDeskQueryClient } from './state/deskQueries';
import './styles/base.css';
import './styles/layout.css';
import './styles/ringing.css';
import './styles/package.css';
import './styles/call.css';
import './styles/flags.css';
import './styles/assist.css';
import './styles/assist-sections.css';
import './styles/history.css';
import './styles/handback.css';
import './styles/wrapup.css';
import './styles/metrics.css';
import './styles/keyboard.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const queryClient = createDeskQueryClient();
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
