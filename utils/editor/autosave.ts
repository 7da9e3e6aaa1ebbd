/**
 * Debounced saving that never loses an edit: `schedule()` after every change writes within `delayMs`
 * (300 ms budget; 150 ms default), and the page's `pagehide` / `visibilitychange → hidden` flush at once,
 * so closing the popup mid-typing still writes. The write is started synchronously inside the event
 * handler (no awaited read first): chrome.storage receives it before the page is torn down.
 */
export interface Autosave {
  /** A change happened: write soon. */
  schedule(): void;
  /** Write now if anything is pending; resolves when written. */
  flush(): Promise<void>;
  /** True while a change is waiting to be written. */
  readonly pending: boolean;
  dispose(): void;
}

export interface AutosaveOptions {
  /** Writes the current state; called with no argument so it always writes the latest. */
  write(): Promise<void>;
  delayMs?: number;
  /** Where to listen for pagehide / visibilitychange (defaults to the page's window and document). */
  target?: { addEventListener: Window['addEventListener']; removeEventListener: Window['removeEventListener'] } | null;
  doc?: {
    visibilityState: DocumentVisibilityState;
    addEventListener: Document['addEventListener'];
    removeEventListener: Document['removeEventListener'];
  } | null;
  onError?(error: unknown): void;
}

export function createAutosave({ write, delayMs = 150, target, doc, onError }: AutosaveOptions): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  let chain: Promise<void> = Promise.resolve();

  const run = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!dirty) return chain;
    dirty = false;
    // Start the write synchronously (callers in unload handlers rely on it), then chain for ordering.
    let started: Promise<void>;
    try {
      started = write();
    } catch (e) {
      dirty = true;
      onError?.(e);
      return chain;
    }
    chain = chain
      .then(() => started)
      .catch((e) => {
        dirty = true;
        onError?.(e);
      });
    return chain;
  };

  const win = target === undefined ? (typeof window === 'undefined' ? null : window) : target;
  const d = doc === undefined ? (typeof document === 'undefined' ? null : document) : doc;
  const onHide = () => void run();
  const onVisibility = () => {
    if (d?.visibilityState === 'hidden') void run();
  };
  win?.addEventListener('pagehide', onHide);
  win?.addEventListener('beforeunload', onHide);
  d?.addEventListener('visibilitychange', onVisibility);

  return {
    schedule() {
      dirty = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    flush: run,
    get pending() {
      return dirty;
    },
    dispose() {
      if (timer) clearTimeout(timer);
      win?.removeEventListener('pagehide', onHide);
      win?.removeEventListener('beforeunload', onHide);
      d?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
