/**
 * The ad platforms Wireboost drafts for, as data: the draft schema's platform enum (draft.ts), the server's
 * adapters and the extension's registries (utils/platforms/registry.ts) are all keyed by these ids.
 * Its own module, free of zod, so the popup's first paint can iterate the ids without loading zod.
 */
export const PLATFORM_IDS = ['meta', 'linkedin'] as const;
export type Platform = (typeof PLATFORM_IDS)[number];
