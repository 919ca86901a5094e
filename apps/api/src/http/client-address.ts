/**
 * Who a request comes from, for the rate limit. A client is keyed by its IP address, except that an IPv6 client is
 * keyed by its /64 network: one host (one home, one phone, one cloud VM) is usually given a whole /64 and can
 * rotate through its 2^64 addresses at will, so a per-address key would not limit it at all.
 *
 * Behind a reverse proxy every request comes from the proxy's address. Only when the direct peer is a proxy the
 * operator trusts (`TRUSTED_PROXIES`, see config.ts) is `X-Forwarded-For` read, from the right: each trusted proxy
 * appends the address it received the request from, so the rightmost address that is not a trusted proxy is the
 * client. Anything to its left was written by the client and is ignored (it could claim any address).
 *
 * Web standards only (ipaddr.js is plain JavaScript), so the same code runs on Node and Workers.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
/** Parsed trusted ranges: address and prefix length. */
type Range = readonly [Address, number];

/**
 * Parses one IP address as a rate-limit client would send it: IPv4 dotted decimal or IPv6 (an IPv4-mapped IPv6
 * address counts as its IPv4 address; a zone id is dropped). Undefined for anything else.
 * @example parseAddress('::ffff:192.0.2.1')?.toString() // '192.0.2.1'
 */
export function parseAddress(text: string): Address | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    if (!ipaddr.IPv6.isValid(trimmed)) return undefined;
    const ip = ipaddr.IPv6.parse(trimmed);
    return ip.isIPv4MappedAddress() ? ip.toIPv4Address() : ip;
  }
  // Only the four-part decimal form: `127.1` or `0x7f000001` are not what a proxy or socket reports.
  return ipaddr.IPv4.isValidFourPartDecimal(trimmed) ? ipaddr.IPv4.parse(trimmed) : undefined;
}

/**
 * The rate-limit key of an address: an IPv4 address as it is, an IPv6 address as its /64 network.
 * @example rateLimitKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * @example rateLimitKey('192.0.2.1') // '192.0.2.1'
 */
export function rateLimitKey(address: Address): string {
  if (address.kind() === 'ipv4') return address.toString();
  const [a = 0, b = 0, c = 0, d = 0] = (address as ipaddr.IPv6).parts;
  return `${a.toString(16)}:${b.toString(16)}:${c.toString(16)}:${d.toString(16)}::/64`;
}

/**
 * Parses a list of trusted proxies (IP addresses or CIDR ranges, separated by commas or spaces), refusing an entry
 * that is neither, with the entry named.
 * @example
 * parseTrustedProxies('10.0.0.0/8, 192.0.2.7, 2001:db8::/32')
 * // ['10.0.0.0/8', '192.0.2.7/32', '2001:db8::/32']
 */
export function parseTrustedProxies(text: string): string[] {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  return entries.map((entry) => {
    const range = parseRange(entry);
    if (!range) {
      throw new TypeError(
        `trusted proxy ${JSON.stringify(entry)} is not an IP address or CIDR range; ` +
          'e.g. 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32',
      );
    }
    return `${range[0].toString()}/${range[1]}`;
  });
}

function parseRange(entry: string): Range | undefined {
  const [addressText = '', bitsText, extra] = entry.split('/');
  if (extra !== undefined) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (bitsText === undefined) return [address, max];
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  // An IPv4-mapped range (::ffff:10.0.0.0/104) was parsed as its IPv4 address: its prefix counts 96 bits fewer.
  const bits = Number(bitsText) - (addressText.includes(':') && address.kind() === 'ipv4' ? 96 : 0);
  return bits >= 0 && bits <= max ? [address, bits] : undefined;
}

/**
 * A `clientKey` for the rate limit on Node: the socket's peer address (keyed per IPv4 address or IPv6 /64), or,
 * when that peer is a trusted proxy, the rightmost address of `X-Forwarded-For` that is not a trusted proxy.
 * `trusted` is the output of {@link parseTrustedProxies}.
 * @example
 * createApp({ rateLimit: { limit: 600, windowMs: 60_000, clientKey: socketClientKey(['10.0.0.0/8']) } })
 */
export function socketClientKey(trusted: readonly string[] = []): (request: Request, env: unknown) => string {
  // Normalised (and refused, with the entry named, when not an address or range) before any request arrives.
  const ranges = parseTrustedProxies(trusted.join(',')).map((entry) => parseRange(entry)!);
  // Sockets report plain dotted IPv4 (the common case) as is; anything else is parsed once per new address.
  let lastPeer = '';
  let lastKey = '';
  return (request, env) => {
    const peer = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
      ?.remoteAddress;
    if (!peer) return 'unknown';
    if (ranges.length === 0) {
      if (peer === lastPeer) return lastKey;
      lastKey = keyOf(peer);
      lastPeer = peer;
      return lastKey;
    }
    const address = parseAddress(peer);
    if (!address || !isTrusted(address, ranges)) return address ? rateLimitKey(address) : peer;
    return rateLimitKey(forwardedClient(address, request.headers.get('x-forwarded-for'), ranges));
  };
}

/**
 * The `clientKey` on Cloudflare Workers: `CF-Connecting-IP`, which Cloudflare sets to the address it received the
 * request from (a client cannot forge it), keyed per IPv4 address or IPv6 /64; one shared key when absent.
 * @example
 * cloudflareClientKey(new Request('http://x/', { headers: { 'CF-Connecting-IP': '2001:db8::1' } }))
 * // '2001:db8:0:0::/64'
 */
export function cloudflareClientKey(request: Request): string {
  const header = request.headers.get('cf-connecting-ip');
  return header === null ? 'shared' : keyOf(header);
}

/** The key of an address as a runtime reports it; text that is not an address keys as itself (it is bounded). */
function keyOf(text: string): string {
  if (!text.includes(':')) return text;
  const address = parseAddress(text);
  return address ? rateLimitKey(address) : text;
}

function isTrusted(address: Address, ranges: readonly Range[]): boolean {
  for (const [range, bits] of ranges) if (range.kind() === address.kind() && address.match(range, bits)) return true;
  return false;
}

/**
 * The client behind trusted proxies: walk `X-Forwarded-For` from the right past trusted proxies. A hop that is not
 * an address stops the walk at the last address known (a trusted proxy passed on something it did not write).
 */
function forwardedClient(peer: Address, forwardedFor: string | null, ranges: readonly Range[]): Address {
  if (!forwardedFor) return peer;
  const hops = forwardedFor.split(',');
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = parseAddress(stripPort(hops[index]!));
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, ranges)) break;
  }
  return client;
}

/** Some proxies write `192.0.2.1:5678` or `[2001:db8::1]:443`; the port is not part of who the client is. */
function stripPort(hop: string): string {
  const text = hop.trim();
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') < 0 ? undefined : text.indexOf(']'));
  const colon = text.indexOf(':');
  return colon > 0 && colon === text.lastIndexOf(':') ? text.slice(0, colon) : text;
}
