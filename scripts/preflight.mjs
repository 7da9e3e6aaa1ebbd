#!/usr/bin/env node
// The first step of `npm test` (and of the PostgreSQL suites): make sure the programs the tests drive are
// on this machine. Each comes from Debian's packages, never from a download. When one is missing:
// as root, install it with apt-get; otherwise stop at once with the one command to run.
//
//   node scripts/preflight.mjs chromium firefox postgresql
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** What each test dependency is, how to find it, and which Debian package brings it. */
const NEEDS = {
  chromium: {
    label: 'Chromium',
    package: 'chromium',
    found: () => existsSync(process.env.WIREBOOST_CHROMIUM ?? '/usr/bin/chromium'),
  },
  firefox: {
    label: 'Firefox ESR',
    package: 'firefox-esr',
    found: () => existsSync(process.env.WIREBOOST_FIREFOX ?? '/usr/bin/firefox-esr'),
  },
  postgresql: {
    label: 'PostgreSQL',
    package: 'postgresql',
    found: () => {
      if (process.env.DATABASE_URL) return true; // a server the developer runs themselves
      const root = '/usr/lib/postgresql';
      return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/postgres`));
    },
  },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in NEEDS));
if (unknown.length) {
  console.error(`preflight: unknown dependency ${unknown.join(', ')} (known: ${Object.keys(NEEDS).join(', ')})`);
  process.exit(2);
}

const missing = asked.map((name) => NEEDS[name]).filter((need) => !need.found());
if (!missing.length) process.exit(0);

const packages = missing.map((need) => need.package);
const labels = missing.map((need) => need.label).join(' and ');
const command = `apt-get install -y ${packages.join(' ')}`;

if (process.getuid?.() !== 0) {
  console.error(
    `The tests need ${labels}, which ${missing.length > 1 ? 'are' : 'is'} not installed: run \`sudo ${command}\` first.`,
  );
  process.exit(1);
}

console.log(`preflight: installing ${labels} from Debian's packages (${packages.join(', ')})`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...packages],
]) {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(
      `preflight: \`apt-get ${args.join(' ')}\` failed (exit ${run.status ?? run.signal}); install ${packages.join(' ')} and run the tests again.`,
    );
    process.exit(1);
  }
}
const still = missing.filter((need) => !need.found());
if (still.length) {
  console.error(`preflight: apt-get finished but ${still.map((n) => n.label).join(' and ')} is still missing.`);
  process.exit(1);
}
