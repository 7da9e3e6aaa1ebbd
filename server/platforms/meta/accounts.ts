import type { AccountChoices } from '../adapter.ts';
import type { MetaConfig } from '../config.ts';
import { executorFor, type CallOptions } from '../executor.ts';
import { withQuery, type PlatformRequest } from '../http.ts';
import { META_RULES } from './client.ts';

// https://developers.facebook.com/docs/marketing-api/reference/user/adaccounts/
export function metaAdAccountsRequest(cfg: MetaConfig): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(`${cfg.graphBase}/${cfg.graphVersion}/me/adaccounts`, {
      fields: 'account_id,name,currency,timezone_name',
      limit: 100,
    }),
    headers: {},
  };
}

// https://developers.facebook.com/docs/graph-api/reference/user/accounts/ (pages the user can act for)
export function metaPagesRequest(cfg: MetaConfig): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(`${cfg.graphBase}/${cfg.graphVersion}/me/accounts`, { fields: 'id,name', limit: 100 }),
    headers: {},
  };
}

/** Ad accounts (with currency and time zone) and the Facebook pages the member can advertise as. Read-only. */
export async function listMetaChoices(o: CallOptions & { cfg: MetaConfig }): Promise<AccountChoices> {
  const ex = executorFor(o, META_RULES);
  const accounts = (await ex.execute(metaAdAccountsRequest(o.cfg))).body as {
    data?: { account_id: string; name: string; currency?: string; timezone_name?: string }[];
  };
  const pages = (await ex.execute(metaPagesRequest(o.cfg))).body as { data?: { id: string; name: string }[] };
  return {
    adAccounts: (accounts.data ?? []).map((a) => ({
      id: a.account_id,
      name: a.name,
      currency: a.currency,
      timeZone: a.timezone_name,
    })),
    identities: (pages.data ?? []).map((p) => ({ id: p.id, name: p.name })),
  };
}
