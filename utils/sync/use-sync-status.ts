import { useEffect, useState } from 'react';
import { syncStatusItem } from './items';
import type { TeamSyncStatus } from './items';

/** The background's sync status (`local:syncStatus`), live. Tiny on purpose: the popup's first load reads it. */
export function useSyncStatus(): TeamSyncStatus | null {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void syncStatusItem.getValue().then((v) => {
      if (live) setStatus(v);
    });
    const unwatch = syncStatusItem.watch((v) => setStatus(v));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return status;
}
