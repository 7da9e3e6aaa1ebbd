export { SyncClient, type SyncClientOptions, type SyncStatus } from './client';
export { threeWayMerge, applyChoices, type FieldClash, type MergeResult } from './merge';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export {
  emptyState,
  memoryStorage,
  type Conflict,
  type PendingMutation,
  type SyncState,
  type SyncStorage,
} from './state';
export * from '../contract/sync';
