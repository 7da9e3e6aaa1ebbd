import type { SaveState } from '@/utils/stores/drafts';

/**
 * Header status: the local save state now; the team server's synced / offline / conflict state later
 * (the `sync` prop is the slot for it).
 */
export function SyncSlot({ save, sync }: { save: SaveState; sync?: 'synced' | 'offline' | 'conflict' | null }) {
  const text = save === 'error' ? 'Not saved' : save === 'pending' ? 'Saving…' : 'Saved on this device';
  return (
    <span className={`sync sync-${sync ?? save}`} role="status" aria-live="polite" data-testid="save-state">
      <span className="dot" aria-hidden="true" />
      {sync === 'synced' ? 'Synced' : sync === 'offline' ? 'Offline — saved locally' : sync === 'conflict' ? 'Conflict — review' : text}
    </span>
  );
}
