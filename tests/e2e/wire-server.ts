import https from 'node:https';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** ../shared/corpus, relative to the project root: real pages, read in place, never copied. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../../shared/corpus');
export const corpusFile = (name: string) => path.join(CORPUS_DIR, name);

/** A page the loopback server answers for: a real wire URL and the HTML to serve (a corpus file or inline). */
export interface ServedPage {
  url: string;
  file?: string;
  html?: string;
}

export interface WireServer {
  port: number;
  /** Every hostname the pages use, for Chromium's --host-resolver-rules. */
  hosts: string[];
  close(): Promise<void>;
}

/**
 * An HTTPS server on 127.0.0.1 with a throwaway self-signed certificate. Chromium maps the real wire
 * hostnames here, so the production manifest's https://www.prnewswire.com/* match runs unchanged.
 * `port` (default: any free one) is for Firefox, which can only send every host to 127.0.0.1 and so
 * needs the server on 443 itself.
 */
export async function startWireServer(pages: ServedPage[], opts: { port?: number } = {}): Promise<WireServer> {
  const { private: key, cert } = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 86_400_000),
  });
  const byUrl = new Map(
    pages.map((p) => {
      const u = new URL(p.url);
      return [`${u.host}${u.pathname}`, p] as const;
    }),
  );
  const server = https.createServer({ key, cert }, async (req, res) => {
    const page = byUrl.get(`${req.headers.host}${(req.url ?? '/').split('?')[0]}`);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not served by the e2e wire server');
      return;
    }
    const body = page.html ?? (await readFile(page.file!, 'utf8'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`127.0.0.1:${opts.port} is taken (another Firefox e2e run?): the wire server needs it`)
          : e,
      ),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const hosts = [...new Set(pages.map((p) => new URL(p.url).hostname))];
  return {
    port,
    hosts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
