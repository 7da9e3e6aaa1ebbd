// Runs Mozilla's addons-linter on the Firefox build and fails on any error (warnings are printed).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = '.output/firefox-mv3';
if (!existsSync(`${dir}/manifest.json`)) {
  console.error(`No Firefox build in ${dir}: run \`npm run build:firefox\` first.`);
  process.exit(1);
}
let out;
try {
  out = execFileSync('npx', ['addons-linter', dir, '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (e) {
  out = e.stdout; // the linter exits non-zero when it finds errors; its JSON is still on stdout
}
const report = JSON.parse(out);
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`addons-linter: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);
