/**
 * Run `fn` once the next frame has been presented: a task queued from requestAnimationFrame runs after that
 * frame's paint. A page that is not being painted (hidden) gets no frames, so `fn` runs after `fallbackMs`.
 */
export function afterNextPaint(fn: () => void, fallbackMs = 100): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, fallbackMs);
}
