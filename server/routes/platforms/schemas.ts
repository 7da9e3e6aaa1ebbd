import { z } from 'zod';
import { PlatformSchema } from '../../../utils/contract/draft.ts';

/** Path parameters of /api/orgs/:orgId/platforms/:platform (the shared shapes are in utils/contract/platforms.ts). */
export const PlatformParams = z.object({ platform: PlatformSchema });

export {
  CallbackReplySchema,
  CallbackSchema,
  ChooseAccountSchema,
  ConnectionReplySchema,
  PlatformErrorSchema,
  SendQuerySchema as SendQuery,
  SendResultSchema,
  StartQuerySchema as StartQuery,
} from '../../../utils/contract/platforms.ts';
