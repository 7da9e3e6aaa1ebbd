import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useKit } from '@/utils/kit/store';
import '@/components/ui.css';
import './style.css';

void useKit.getState().hydrate();
createRoot(document.getElementById('root')!).render(<App />);
