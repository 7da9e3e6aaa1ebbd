import { useKit } from '@/utils/kit/store';
import { Logo } from '@/components/Logo';
import { KitSettings } from '@/components/kit/KitSettings';
import { Text } from '@/components/kit/KitFields';
import { TeamServer } from '@/components/team/TeamAccount';
import { Platforms, PlatformsIntro } from '@/components/send/PlatformConnections';

export function App() {
  const hydrated = useKit((s) => s.hydrated);
  const saveState = useKit((s) => s.saveState);
  if (!hydrated) return <div className="skeleton" aria-busy="true" aria-label="Loading" />;
  const saveText = {
    saved: 'All changes saved',
    pending: 'Saving…',
    invalid: 'Fix the highlighted field to save',
    error: 'Could not save',
  }[saveState];
  return (
    <div className="opt">
      <header className="topbar">
        <Logo />
        <h1 className="ws-title">Settings</h1>
        <span
          className={`sync sync-${saveState === 'saved' ? 'saved' : saveState === 'pending' ? 'pending' : 'error'}`}
          role="status"
          data-testid="kit-save-state"
        >
          <span className="dot" aria-hidden="true" />
          {saveText}
        </span>
      </header>
      <main className="opt-main">
        <KitSettings />

        <section className="card" aria-labelledby="server-h">
          <h2 id="server-h">Team server</h2>
          <p className="muted">
            Share drafts and reviews with your team. Leave empty to keep everything on this device.
          </p>
          <Text name="teamServerUrl" label="Team server URL" type="url" placeholder="https://wireboost.example.com" />
          <TeamServer />
        </section>

        <section className="card" aria-labelledby="platforms-h">
          <h2 id="platforms-h">Ad platforms</h2>
          <PlatformsIntro />
          <Platforms />
        </section>
      </main>
    </div>
  );
}
