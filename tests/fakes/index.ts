import { serveFake, type RunningFake } from './common.ts';
import { createLinkedInFake, type LinkedInFake, type LinkedInFakeOptions } from './linkedin.ts';
import { createMetaFake, type MetaFake, type MetaFakeOptions } from './meta.ts';

export * from './common.ts';
export * from './meta.ts';
export * from './linkedin.ts';

export interface RunningPlatformFakes {
  meta: MetaFake & RunningFake;
  linkedin: LinkedInFake & RunningFake;
  /** Environment for the team server so its platform library talks to the fakes (see server/platforms/config.ts). */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Starts both fakes on 127.0.0.1 (ephemeral ports) for the e2e: point the server at them with `env`,
 * and assert on `meta.counts()` / `linkedin.counts()` ("created exactly once").
 */
export async function startPlatformFakes(
  o: { meta?: MetaFakeOptions; linkedin?: LinkedInFakeOptions } = {},
): Promise<RunningPlatformFakes> {
  const meta = createMetaFake(o.meta);
  const linkedin = createLinkedInFake(o.linkedin);
  const [m, l] = await Promise.all([serveFake(meta.app), serveFake(linkedin.app)]);
  return {
    meta: { ...meta, ...m },
    linkedin: { ...linkedin, ...l },
    env: {
      META_GRAPH_BASE: m.url,
      META_DIALOG_BASE: m.url,
      META_APP_ID: meta.appId,
      META_APP_SECRET: meta.appSecret,
      LINKEDIN_API_BASE: l.url,
      LINKEDIN_OAUTH_BASE: l.url,
      LINKEDIN_CLIENT_ID: linkedin.clientId,
      LINKEDIN_CLIENT_SECRET: linkedin.clientSecret,
    },
    close: async () => {
      await Promise.all([m.close(), l.close()]);
    },
  };
}
