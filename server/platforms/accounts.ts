import type { LinkedInConfig, MetaConfig } from './config.ts';
import { LINKEDIN_RULES } from './linkedin/client.ts';
import { META_RULES } from './meta/client.ts';
import { createExecutor } from './executor.ts';
import { withQuery, type FetchLike, type PlatformRequest } from './http.ts';
import { retryPolicy, type RetryPolicy } from './retry.ts';

/**
 * What the options page offers after connecting: ad accounts (with currency and time zone) and the
 * Facebook pages / LinkedIn organisations the member can advertise as. Read-only calls.
 */
export interface AdAccountChoice {
  id: string;
  name: string;
  currency?: string;
  timeZone?: string;
}

export interface IdentityChoice {
  id: string;
  name?: string;
}

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

const liHeaders = (cfg: LinkedInConfig) => ({ 'LinkedIn-Version': cfg.version, 'X-Restli-Protocol-Version': '2.0.0' });

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-accounts (search)
export function linkedInAdAccountsRequest(cfg: LinkedInConfig): PlatformRequest {
  return { method: 'GET', url: withQuery(`${cfg.apiBase}/rest/adAccounts`, { q: 'search' }), headers: liHeaders(cfg) };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
export function linkedInOrganizationsRequest(cfg: LinkedInConfig): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(`${cfg.apiBase}/rest/organizationAcls`, {
      q: 'roleAssignee',
      role: 'ADMINISTRATOR',
      state: 'APPROVED',
    }),
    headers: liHeaders(cfg),
  };
}

export async function listMetaChoices(o: {
  cfg: MetaConfig;
  token: string;
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
}) {
  const ex = createExecutor({
    fetch: o.fetch ?? ((u, i) => fetch(u, i)),
    token: o.token,
    retry: retryPolicy(o.retry),
    rules: META_RULES,
  });
  const accounts = (await ex.execute(metaAdAccountsRequest(o.cfg))).body as {
    data?: { account_id: string; name: string; currency?: string; timezone_name?: string }[];
  };
  const pages = (await ex.execute(metaPagesRequest(o.cfg))).body as { data?: { id: string; name: string }[] };
  return {
    adAccounts: (accounts.data ?? []).map<AdAccountChoice>((a) => ({
      id: a.account_id,
      name: a.name,
      currency: a.currency,
      timeZone: a.timezone_name,
    })),
    identities: (pages.data ?? []).map<IdentityChoice>((p) => ({ id: p.id, name: p.name })),
  };
}

export async function listLinkedInChoices(o: {
  cfg: LinkedInConfig;
  token: string;
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
}) {
  const ex = createExecutor({
    fetch: o.fetch ?? ((u, i) => fetch(u, i)),
    token: o.token,
    retry: retryPolicy(o.retry),
    rules: LINKEDIN_RULES,
  });
  const accounts = (await ex.execute(linkedInAdAccountsRequest(o.cfg))).body as {
    elements?: { id: number | string; name: string; currency?: string }[];
  };
  const acls = (await ex.execute(linkedInOrganizationsRequest(o.cfg))).body as {
    elements?: { organization: string }[];
  };
  return {
    // LinkedIn ad accounts carry no time zone: campaign schedules are absolute epoch times.
    adAccounts: (accounts.elements ?? []).map<AdAccountChoice>((a) => ({
      id: String(a.id),
      name: a.name,
      currency: a.currency,
    })),
    identities: (acls.elements ?? []).map<IdentityChoice>((e) => ({
      id: e.organization.replace(/^urn:li:organization:/, ''),
    })),
  };
}
