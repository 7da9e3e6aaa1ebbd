import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useTabRelease } from '@/utils/release/tab-store';
import { useDrafts } from '@/utils/editor/store';
import { usePopup } from '@/utils/editor/popup-view';
import { endEarlyRead } from '@/utils/editor/early-read';
import '@/components/ui.css';
import './style.css';

performance.mark('wireboost:popup-start'); // every module evaluated: what is left is storage + render
createRoot(document.getElementById('root')!).render(<App />);

// Hydrate both stores, then make sure the tab's release has drafts (built once, deterministic ids).
void Promise.all([useTabRelease.getState().hydrate(), useDrafts.getState().hydrate()])
  .then(async () => {
    let opened: string | null = null;
    const open = async () => {
      const { current, tabId } = useTabRelease.getState();
      if (!current || tabId == null || current.release.url === opened) return;
      opened = current.release.url;
      await usePopup.getState().openTabRelease(tabId, current.release);
    };
    useTabRelease.subscribe(() => void open().catch(fail));
    endEarlyRead(); // both stores' watches are in place now
    performance.mark('wireboost:hydrated');
    await open();
  })
  .catch(fail);

function fail(e: unknown) {
  useTabRelease.setState({ hydrated: true, error: e instanceof Error ? e.message : String(e) });
}
