import { useEffect, useState } from 'react';

/**
 * The current time for rendering, refreshed every `everyMs` (the 72-hour clock moves by the minute).
 * Rendering reads it from state, so a render stays pure and two renders of one moment agree.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
