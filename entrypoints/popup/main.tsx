import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useTabRelease } from '@/utils/stores/tab-release';
import './style.css';

void useTabRelease.getState().hydrate();
createRoot(document.getElementById('root')!).render(<App />);
