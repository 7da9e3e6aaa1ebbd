import { z } from 'zod';
import type { BoostSource } from './boost';

/** The `boost` message's payload, checked where it is received (the background). */
export const BoostSourceSchema: z.ZodType<BoostSource> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tab'), tabId: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('link'), url: z.string().max(4096) }),
  z.object({
    kind: z.literal('selection'),
    tabId: z.number().int().nonnegative().nullable(),
    text: z.string().max(200_000).optional(),
    title: z.string().max(2000).optional(),
    url: z.string().max(4096).optional(),
  }),
  z.object({ kind: z.literal('stored'), releaseId: z.string().min(1).max(200) }),
]);
