import { BlockList, isIP } from 'node:net';

/**
 * The address a request comes from, for the anonymous rate limit and the authentication throttle
 * (issue 14.9). Behind an ingress every socket is the ingress's, so `X-Forwarded-For` is honoured
 * — but only when the socket belongs to a configured trusted proxy (`TRUSTED_PROXIES`, CIDRs):
 * anyone else could write any address there. The list is read from the right, skipping trusted
 * hops; the first address no trusted proxy owns is the client.
 */
export type ClientAddress = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string;

export function clientAddressResolver(trustedProxies: readonly string[]): ClientAddress {
  const trusted = trustedList(trustedProxies);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return (socketAddress, forwardedFor) => {
    const socket = unmapped(socketAddress ?? 'unknown');
    if (!isTrusted(socket) || forwardedFor === undefined) return socket;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((hop) => unmapped(hop.trim()));
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (isIP(hop) === 0) return socket; // a forged or garbled list: fall back to the proxy itself
      if (!isTrusted(hop)) return hop;
    }
    return socket;
  };
}

/** Parses `10.0.0.0/8,::1/128,192.0.2.7`; throws on an entry that is not an address or CIDR. */
export function trustedList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) throw new Error(`not an address or CIDR: "${entry}"`);
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) → `127.0.0.1`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
