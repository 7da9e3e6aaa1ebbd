import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useDrafts } from '@/utils/editor/store';
import '@/components/ui.css';
import './style.css';

void useDrafts.getState().hydrate();
createRoot(document.getElementById('root')!).render(<App />);
