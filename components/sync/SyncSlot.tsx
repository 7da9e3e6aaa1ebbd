import type { SaveState } from '@/utils/editor/store';
import type { TeamSyncState } from '@/utils/sync/items';

const SYNC_TEXT: Record<Exclude<TeamSyncState, 'off'>, string> = {
  synced: 'Synced',
  pending: 'Saved — syncing…',
  offline: 'Offline — saved locally',
  conflict: 'Conflict — review',
  refused: 'A draft was refused — see it',
};

/**
 * Header status: the local save state, then (when signed in to a team server) the sync state from
 * `local:syncStatus`: synced / pending / offline / conflict. A local save problem always shows first.
 */
export function SyncSlot({ save, sync }: { save: SaveState; sync?: TeamSyncState | null }) {
  const local = save === 'error' ? 'Not saved' : save === 'pending' ? 'Saving…' : 'Saved on this device';
  const team = save === 'saved' && sync && sync !== 'off' ? sync : null;
  return (
    <span
      className={`sync sync-${team ?? save}`}
      role="status"
      aria-live="polite"
      data-testid="save-state"
      data-sync={sync ?? 'off'}
    >
      <span className="dot" aria-hidden="true" />
      {team ? SYNC_TEXT[team] : local}
    </span>
  );
}
