// `npm start`: build the extension for Chrome and Firefox, start the team server on embedded PGlite,
// and say exactly what to load where. No prompts: safe on a fresh machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (args) => {
  const r = spawnSync('npm', ['run', '-s', ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      `\n✖ npm run ${args.join(' ')} failed (exit ${r.status}). Fix the error above and run npm start again.`,
    );
    process.exit(r.status ?? 1);
  }
};

console.log('Building Wireboost for Chrome and Firefox…');
run(['build']);
run(['build:firefox']);

const chrome = path.join(root, '.output/chrome-mv3');
const firefox = path.join(root, '.output/firefox-mv3');
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '8787';
const hasServer = existsSync(path.join(root, 'server/main.ts'));

console.log(`
✔ Extension built.

  Chrome / Edge / Chromium
    1. Open chrome://extensions and switch on "Developer mode".
    2. Click "Load unpacked" and choose:
       ${chrome}

  Firefox
    1. Open about:debugging#/runtime/this-firefox
    2. Click "Load Temporary Add-on…" and choose:
       ${path.join(firefox, 'manifest.json')}
${
  hasServer
    ? `
  Team server: http://${host}:${port} (embedded PGlite, data in ./.data). Press Ctrl+C to stop.
`
    : ''
}`);

if (hasServer) {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    // Locally loaded extensions get an id from their folder path, so the dev server accepts any extension
    // origin unless WIREBOOST_EXTENSION_ORIGINS pins exact ones (do that in production).
    env: {
      ...process.env,
      HOST: host,
      PORT: port,
      ...(process.env.WIREBOOST_EXTENSION_ORIGINS
        ? {}
        : { WIREBOOST_DEV_ANY_EXTENSION: process.env.WIREBOOST_DEV_ANY_EXTENSION ?? '1' }),
    },
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}
