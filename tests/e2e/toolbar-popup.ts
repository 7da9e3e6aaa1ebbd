/// <reference types="chrome" />
import type { CDPSession, Page } from 'playwright-core';
import { currentWorker, type ExtensionBrowser } from './browser';

/**
 * The real toolbar popup, as a person opens it: chrome.action.openPopup() from the service worker while
 * `tab` is the active tab. Playwright does not surface action popups as pages, so this reaches the
 * popup's target over the Chrome DevTools Protocol (through a session on `tab`) and evaluates in it.
 */
export interface ToolbarPopup {
  /** Evaluate a JavaScript expression in the popup and return its (JSON) value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Poll `expression` until it is neither null nor undefined. */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `page`: the extension page the action's popup is set to (the popup benchmark points it at a blank one). */
export async function openToolbarPopup(b: ExtensionBrowser, tab: Page, page = 'popup.html'): Promise<ToolbarPopup> {
  await tab.bringToFront();
  const cdp: CDPSession = await b.context.newCDPSession(tab);
  const send = cdp.send.bind(cdp) as <T>(method: string, params?: object) => Promise<T>;
  type TargetInfo = { targetId: string; type: string; url: string };
  const targets = async () => (await send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  const popupUrl = `chrome-extension://${b.extensionId}/${page}`;
  const before = new Set((await targets()).map((t) => t.targetId));

  await currentWorker(b).evaluate(() => chrome.action.openPopup());
  let targetId: string | null = null;
  for (const until = Date.now() + 10_000; !targetId && Date.now() < until; await sleep(10)) {
    const infos = await targets();
    targetId = infos.find((t) => t.type === 'page' && t.url === popupUrl && !before.has(t.targetId))?.targetId ?? null;
  }
  if (!targetId) throw new Error('The toolbar popup did not open');

  // Flattened child sessions are not reachable through Playwright's CDPSession; the message-passing form is.
  const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: false });
  type CdpReply = { id?: number; error?: { message: string }; result?: unknown };
  let nextId = 0;
  const pending = new Map<number, (m: CdpReply) => void>();
  cdp.on(
    'Target.receivedMessageFromTarget' as 'Target.targetCreated',
    ((e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as CdpReply;
      if (m.id != null) pending.get(m.id)?.(m);
    }) as never,
  );
  const call = <T>(method: string, params: object) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (m) => {
        pending.delete(id);
        if (m.error) reject(new Error(m.error.message));
        else resolve(m.result as T);
      });
      send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await call<{
      result: { value: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails)
      throw new Error(`In the popup: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  };
  return {
    evaluate,
    async waitFor<T>(expression: string, timeoutMs = 10_000): Promise<T> {
      for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(10)) {
        const v = await evaluate<T | null | undefined>(expression);
        if (v != null) return v;
      }
      throw new Error(`The toolbar popup never had: ${expression}`);
    },
    async close() {
      await call('Runtime.evaluate', { expression: 'window.close()' }).catch(() => undefined);
      await send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
      // Wait until the popup is gone, so the next open is a fresh one.
      for (const until = Date.now() + 5_000; Date.now() < until; await sleep(20)) {
        const s = await b.context.newCDPSession(tab);
        const { targetInfos } = (await s.send('Target.getTargets' as never)) as { targetInfos: TargetInfo[] };
        const open = targetInfos.some((t) => t.targetId === targetId);
        await s.detach();
        if (!open) return;
      }
    },
  };
}
