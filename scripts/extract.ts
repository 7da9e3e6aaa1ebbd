/**
 * `npm run -s extract -- <file.html> --url <url>`: print the Release JSON the extension would see for a
 * saved page. Exit 0 with isRelease false for a page that is not a release; exit 2 with a message on
 * stderr when the arguments or the file are unusable.
 */
import { readFileSync } from 'node:fs';
import { extractFromHtml } from '../utils/release/node';

const USAGE = 'usage: npm run -s extract -- <file.html> --url <https://page.url>';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let url: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--url') url = args[++i] ?? fail('--url needs a value');
  else if (a.startsWith('--url=')) url = a.slice(6);
  else if (a === '-h' || a === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (a.startsWith('-')) fail(`unknown option ${a}`);
  else if (file) fail(`one file at a time (got ${file} and ${a})`);
  else file = a;
}
if (!file) fail('no HTML file given');
if (!url) fail('no --url given (the page address decides the wire and resolves links)');
try {
  new URL(url);
} catch {
  fail(`--url is not an absolute URL: ${url}`);
}

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  fail(
    `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`,
  );
}

process.stdout.write(`${JSON.stringify(extractFromHtml(html, url), null, 2)}\n`);
