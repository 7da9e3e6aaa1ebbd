/**
 * Where remote ids live between attempts. The server implements this on its database; the key is
 * (orgId, scopeId, step) where scopeId is the draft id for per-variant steps (creative, ad, post) and
 * `release:<releaseId>:<platform>` for steps shared by every variant of a release (campaign, audience).
 * Writing an id is what makes a step "done": sending again skips it, a failure resumes after it.
 */
export interface SendStore {
  get(orgId: string, scopeId: string, step: string): Promise<string | undefined>;
  put(orgId: string, scopeId: string, step: string, remoteId: string): Promise<void>;
}

export class MemorySendStore implements SendStore {
  readonly rows = new Map<string, string>();
  private key = (orgId: string, scopeId: string, step: string) => JSON.stringify([orgId, scopeId, step]);
  async get(orgId: string, scopeId: string, step: string) {
    return this.rows.get(this.key(orgId, scopeId, step));
  }
  async put(orgId: string, scopeId: string, step: string, remoteId: string) {
    this.rows.set(this.key(orgId, scopeId, step), remoteId);
  }
}

/**
 * Targeting look-ups (Meta /search, LinkedIn adTargetingEntities) cached per organisation: names are
 * stable for a while and every variant of a release resolves the same ones.
 */
export interface TargetingCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export class MemoryTargetingCache implements TargetingCache {
  readonly rows = new Map<string, unknown>();
  async get(key: string) {
    return this.rows.get(key);
  }
  async set(key: string, value: unknown) {
    this.rows.set(key, value);
  }
}
