import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '@/utils/editor/autosave';

class Target extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of edits into one write within 300 ms', async () => {
    const write = vi.fn(async () => {});
    const a = createAutosave({ write, delayMs: 150, target: null, doc: null });
    for (let i = 0; i < 20; i++) {
      a.schedule();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    expect(write).toHaveBeenCalledTimes(1);
    expect(a.pending).toBe(false);
  });

  it.each(['pagehide', 'beforeunload'])('writes synchronously on %s, before the debounce fires', (event) => {
    const write = vi.fn(async () => {});
    const win = new Target();
    const a = createAutosave({ write, target: win as never, doc: null });
    a.schedule();
    win.dispatchEvent(new Event(event));
    expect(write).toHaveBeenCalledTimes(1); // started inside the handler, no await before it
    a.dispose();
  });

  it('writes when the page becomes hidden, not when it becomes visible', () => {
    const write = vi.fn(async () => {});
    const doc = new Target();
    const a = createAutosave({ write, target: null, doc: doc as never });
    a.schedule();
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(write).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('keeps the change pending after a failed write and retries on the next flush', async () => {
    let fail = true;
    const write = vi.fn(async () => {
      if (fail) throw new Error('quota');
    });
    const onError = vi.fn();
    const a = createAutosave({ write, target: null, doc: null, onError });
    a.schedule();
    await a.flush();
    expect(onError).toHaveBeenCalled();
    expect(a.pending).toBe(true);
    fail = false;
    await a.flush();
    expect(write).toHaveBeenCalledTimes(2);
    expect(a.pending).toBe(false);
  });

  it('does nothing on flush when nothing changed', async () => {
    const write = vi.fn(async () => {});
    const a = createAutosave({ write, target: null, doc: null });
    await a.flush();
    expect(write).not.toHaveBeenCalled();
  });
});
