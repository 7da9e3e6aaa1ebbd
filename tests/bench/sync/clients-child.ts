import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runSyncClients, type ClientLoadResult } from './clients.ts';

type Options = Parameters<typeof runSyncClients>[0];
const SELF = fileURLToPath(import.meta.url);

/**
 * Runs the simulated sync clients (./clients.ts) in a node process of their own and returns what they
 * measured. The bench's own process has held PGlite, autocannon and tens of thousands of drafts by then
 * (seen: 900 MB resident, garbage-collection pauses up to 22 ms): measured in there, every request in
 * flight during one of its pauses would be charged the pause.
 */
export function runSyncClientsInChild(opts: Options): Promise<ClientLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, JSON.stringify(opts)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`sync clients exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as ClientLoadResult);
      } catch (e) {
        reject(new Error(`sync clients printed no result: ${String(e)}`));
      }
    });
  });
}

if (process.argv[1] === SELF) {
  runSyncClients(JSON.parse(process.argv[2]!) as Options).then(
    (r) => {
      console.log(JSON.stringify(r));
      process.exit(0);
    },
    (e) => {
      console.error('[bench:sync] clients failed', e);
      process.exit(1);
    },
  );
}
