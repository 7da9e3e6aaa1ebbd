/**
 * npm run -s draft -- <file.html> --url <url> [--now ISO] [--kit kit.json] [--format json|meta-csv|brief]
 * Extracts the release from a saved page and prints its draft set. Exit 1: not a release; 2: bad input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFromHtml } from '../utils/release/node';
import { buildDraftSet, exportDraftSetJson, exportMetaSheet, renderBrief } from '../utils/engine';

function fail(code: number, message: string): never {
  process.stderr.write(`draft: ${message}\n`);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      now: { type: 'string' },
      kit: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
  });
}
try {
  args = parse();
} catch (e) {
  fail(2, (e as Error).message);
}

const file = args.positionals[0];
if (!file)
  fail(
    2,
    'usage: npm run -s draft -- <file.html> --url <url> [--now ISO] [--kit kit.json] [--format json|meta-csv|brief]',
  );
const url = args.values.url;
if (!url) fail(2, '--url is required: the page address decides the wire and goes into the drafts.');

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  fail(2, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

const now = args.values.now ? Date.parse(args.values.now) : Date.now();
if (Number.isNaN(now)) fail(2, `--now is not an ISO date: ${args.values.now}`);

let kit: unknown = {};
if (args.values.kit) {
  try {
    kit = JSON.parse(readFileSync(args.values.kit, 'utf8'));
  } catch (e) {
    fail(2, `cannot read kit ${args.values.kit}: ${(e as Error).message}`);
  }
}

const release = extractFromHtml(html, url);
if (!release.isRelease) {
  fail(
    1,
    `${file} does not look like a press release${release.reasons.length ? ` (${release.reasons.join('; ')})` : ''}: no drafts made.`,
  );
}

let set;
try {
  set = buildDraftSet(release, kit as object, { now });
} catch (e) {
  fail(2, (e as Error).message);
}

const out =
  args.values.format === 'meta-csv'
    ? exportMetaSheet(set)
    : args.values.format === 'brief'
      ? renderBrief(set)
      : exportDraftSetJson(set);
process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
