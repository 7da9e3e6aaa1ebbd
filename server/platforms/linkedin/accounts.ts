import type { AccountChoices } from '../adapter.ts';
import type { LinkedInConfig } from '../config.ts';
import { executorFor, type CallOptions } from '../executor.ts';
import { withQuery, type PlatformRequest } from '../http.ts';
import { LINKEDIN_RULES } from './client.ts';

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

/** Ad accounts (with currency) and the organisations the member administers. Read-only. */
export async function listLinkedInChoices(o: CallOptions & { cfg: LinkedInConfig }): Promise<AccountChoices> {
  const ex = executorFor(o, LINKEDIN_RULES);
  const accounts = (await ex.execute(linkedInAdAccountsRequest(o.cfg))).body as {
    elements?: { id: number | string; name: string; currency?: string }[];
  };
  const acls = (await ex.execute(linkedInOrganizationsRequest(o.cfg))).body as {
    elements?: { organization: string }[];
  };
  return {
    // LinkedIn ad accounts carry no time zone: campaign schedules are absolute epoch times.
    adAccounts: (accounts.elements ?? []).map((a) => ({ id: String(a.id), name: a.name, currency: a.currency })),
    identities: (acls.elements ?? []).map((e) => ({ id: e.organization.replace(/^urn:li:organization:/, '') })),
  };
}
