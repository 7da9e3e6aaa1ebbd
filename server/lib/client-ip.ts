import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * The client's address. Normally the socket's peer. Behind a reverse proxy every request comes from the
 * proxy, so the proxy's X-Forwarded-For is read, but only when the peer is one of the configured proxies
 * (WIREBOOST_TRUST_PROXY: addresses or CIDR prefixes); anyone else could write any address there. The
 * header is read from the right: each trusted proxy appended the address it saw, so the first address
 * from the right that is not a trusted proxy is the client (entries further left are the client's own
 * claims).
 */
export interface Proxies {
  has(address: string): boolean;
}

const unmapped = (a: string) => a.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function trustedProxies(entries: readonly string[] = []): Proxies | null {
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.trim().split('/') as [string, string | undefined];
    const family = isIP(address);
    if (!family) throw new Error(`WIREBOOST_TRUST_PROXY: "${entry}" is not an address or CIDR prefix`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return {
    has(a) {
      const address = unmapped(a);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  proxies: Proxies | null,
): string | undefined {
  if (!peer || !proxies || !forwardedFor || !proxies.has(peer)) return peer && unmapped(peer);
  const hops = forwardedFor.split(',').map(unmapped).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return unmapped(peer); // a proxy that writes garbage: fall back to the peer
    if (!proxies.has(hop)) return hop;
  }
  return hops[0] ?? unmapped(peer);
}

const configured = new WeakMap<object, Proxies | null>();

/** The request's client address under the app's configuration (the proxy list is parsed once per config). */
export function addressOf(
  deps: { config: { trustedProxies?: string[] }; clientIp?: (c: Context) => string | undefined },
  c: Context,
): string | undefined {
  let proxies = configured.get(deps.config);
  if (proxies === undefined) configured.set(deps.config, (proxies = trustedProxies(deps.config.trustedProxies)));
  return clientAddress(deps.clientIp?.(c), c.req.header('x-forwarded-for'), proxies);
}
