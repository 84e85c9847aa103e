/**
 * Which IP addresses a fetch must not reach unless `--allow-private` is given: loopback, private
 * (RFC 1918, unique-local), link-local (including cloud metadata at 169.254.169.254) and other
 * reserved ranges. Host names are resolved first and every address they resolve to is checked.
 */
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

const RANGES: [kind: string, family: 'ipv4' | 'ipv6', cidr: string][] = [
  ['loopback', 'ipv4', '127.0.0.0/8'],
  ['loopback', 'ipv6', '::1/128'],
  ['private', 'ipv4', '10.0.0.0/8'],
  ['private', 'ipv4', '172.16.0.0/12'],
  ['private', 'ipv4', '192.168.0.0/16'],
  ['private', 'ipv4', '100.64.0.0/10'],
  ['private', 'ipv6', 'fc00::/7'],
  ['link-local', 'ipv4', '169.254.0.0/16'],
  ['link-local', 'ipv6', 'fe80::/10'],
  ['reserved', 'ipv4', '0.0.0.0/8'],
  ['reserved', 'ipv4', '192.0.0.0/24'],
  ['reserved', 'ipv4', '198.18.0.0/15'],
  ['reserved', 'ipv4', '224.0.0.0/3'],
  ['reserved', 'ipv6', '::/128'],
  ['reserved', 'ipv6', 'ff00::/8'],
];

const LISTS = new Map<string, BlockList>();
for (const [kind, family, cidr] of RANGES) {
  if (!LISTS.has(kind)) LISTS.set(kind, new BlockList());
  const [net, prefix] = cidr.split('/');
  LISTS.get(kind)!.addSubnet(net, Number(prefix), family);
}

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (`::ffff:7f00:1` → `127.0.0.1`). */
function embeddedIpv4(address: string): string | null {
  const dotted = address.match(/^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i);
  if (dotted) return dotted[1];
  const hex = address.match(/^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** `loopback`, `private`, `link-local` or `reserved` for an address a fetch must not reach; else null. */
export function blockedKind(address: string): string | null {
  const v4 = embeddedIpv4(address);
  const [addr, family] = v4 ? [v4, 'ipv4' as const] : [address, isIP(address) === 6 ? ('ipv6' as const) : ('ipv4' as const)];
  for (const [kind, list] of LISTS) if (list.check(addr, family)) return kind;
  return null;
}

/** Every address a host name resolves to (an IP literal resolves to itself). */
export async function resolveHost(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return [host];
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

/**
 * Why `hostname` must not be fetched (it resolves to a blocked address), or null when it may be.
 * Note: the fetch resolves the name again, so a DNS server that answers differently the second time
 * (rebinding) is not caught here; pinning the address needs a custom connector.
 */
export async function refusedHost(hostname: string): Promise<string | null> {
  for (const address of await resolveHost(hostname)) {
    const kind = blockedKind(address);
    if (!kind) continue;
    const what = address === hostname.replace(/^\[|\]$/g, '') ? `is a ${kind} address` : `resolves to a ${kind} address (${address})`;
    return `refused: ${hostname} ${what}; use --allow-private to allow it`;
  }
  return null;
}
