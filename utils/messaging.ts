import { browser, type Browser } from 'wxt/browser';
import type { Release } from './contract/release';
import type { TeamSyncStatus } from './sync/items';
import type { Platform } from './contract/draft';
import type { SendContext } from './send/send-rules';
import type { SendReply } from './send/service';
import type { BoostReply, BoostSource } from './boost/boost';
import type { ResultsReply, ShareReply } from './results/service';

/**
 * Every message between the extension's contexts, with its payload and reply. The content script
 * never says which tab it is in: the background reads it from the sender.
 *
 * Hand-rolled rather than @webext-core/messaging: the content script has an 8 KB gzip budget and this
 * typed wrapper costs a few hundred bytes where the library (with its error serialiser) costs ~2 KB.
 * Receivers validate payloads with zod; the types here keep senders honest at compile time.
 */
export interface ProtocolMap {
  /** Content script → background: this page is a release (sent only when one is detected). */
  releaseDetected(release: Release): void;
  /** Content script → background: after in-page navigation, the page is no longer a release. */
  releaseCleared(data: undefined): void;
  /**
   * Popup / workspace → background: boost a source (the tab's release, a pasted URL, the tab's selected
   * text, a stored release) the one way menus do. Replies with the release id, or a human error.
   */
  boost(source: BoostSource): BoostReply;
  /** Popup / options → background: push the outbox and pull now; replies with the new sync status. */
  syncNow(data: undefined): TeamSyncStatus;
  /**
   * Popup → background: resolve a sync conflict — `choices` maps each clashing field path to the value
   * kept ("keep mine" / "keep theirs"); `discard` drops the local version and keeps the server's.
   */
  syncResolve(data: { conflictId: string; choices?: Record<string, unknown>; discard?: boolean }): TeamSyncStatus;
  /** Popup / workspace → background: may this draft be sent (synced, approved, platform connected)? */
  sendContext(data: { draftId: string; platform: Platform }): SendContext;
  /**
   * Popup / workspace → background: send one synced draft to its platform through the team server (or
   * only list the requests with `dryRun`). Replies with the remote ids / requests or a human error.
   */
  platformSend(data: { draftId: string; platform: Platform; dryRun: boolean }): SendReply;
  /** Workspace / popup → background: the release's results report (`refresh` pulls from the platforms first). */
  resultsReport(data: { releaseId: string; refresh: boolean }): ResultsReply;
  /** Workspace → background: a reviewer link that shows the results report read-only, for a client. */
  resultsShare(data: { releaseId: string }): ShareReply;
}

/** The only messages a content script may send; every other one must come from an extension page. */
const FROM_CONTENT_SCRIPTS: ReadonlySet<keyof ProtocolMap> = new Set(['releaseDetected', 'releaseCleared']);

/** Whether a message came from one of this extension's own pages (popup, workspace, options). */
export function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

type Key = keyof ProtocolMap;
type Data<K extends Key> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends Key> = ReturnType<ProtocolMap[K]>;
interface Envelope<K extends Key = Key> {
  wireboost: K;
  data: Data<K>;
}
export type Sender = Browser.runtime.MessageSender;

export function sendMessage<K extends Key>(type: K, data: Data<K>): Promise<Reply<K>> {
  return browser.runtime.sendMessage({ wireboost: type, data } satisfies Envelope<K>) as Promise<Reply<K>>;
}

/**
 * Handle one message type; returns a function that removes the handler. Privileged messages (everything a
 * content script has no reason to send: sync, send, boost) are answered only for this extension's pages.
 */
export function onMessage<K extends Key>(
  type: K,
  handler: (msg: { data: Data<K>; sender: Sender }) => Reply<K> | Promise<Reply<K>>,
): () => void {
  const listener = (message: unknown, sender: Sender) => {
    if (!message || typeof message !== 'object' || (message as Envelope).wireboost !== type) return undefined;
    if (!FROM_CONTENT_SCRIPTS.has(type) && !fromExtensionPage(sender)) {
      return Promise.reject(new Error(`${type} is only answered for Wireboost's own pages`));
    }
    return Promise.resolve(handler({ data: (message as Envelope<K>).data, sender }));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
