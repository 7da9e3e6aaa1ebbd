import { useEffect, useState } from 'react';
import { loadDeferred } from './light';

type Deferred = Awaited<ReturnType<typeof loadDeferred>>;
let mod: Deferred | null = null;
let loading: Promise<Deferred> | null = null;

/** Start loading counting / lint / zoned clock (the popup calls it once drafts are on screen). */
export function preloadDeferred(): Promise<Deferred> {
  loading ??= loadDeferred().then((m) => (mod = m));
  return loading;
}

/** The deferred engine once loaded (null for the first few ms): counters, hints and clock details fill in. */
export function useDeferred(): Deferred | null {
  const [ready, setReady] = useState(mod !== null);
  useEffect(() => {
    if (!ready) void preloadDeferred().then(() => setReady(true));
  }, [ready]);
  return ready ? mod : null;
}
