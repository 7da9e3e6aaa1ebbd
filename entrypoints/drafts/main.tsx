import { createRoot } from 'react-dom/client';
import { Workspace } from '@/components/workspace/Workspace';
import { useDrafts } from '@/utils/editor/store';
import '@/components/ui.css';
import './style.css';

void useDrafts.getState().hydrate();
createRoot(document.getElementById('root')!).render(<Workspace />);
