import { describe, expect, it } from 'vitest';
import {
  cloudflareClientKey,
  parseAddress,
  parseTrustedProxies,
  rateLimitKey,
  socketClientKey,
} from './client-address.ts';

const keyOf = (text: string) => rateLimitKey(parseAddress(text)!);
/** The bindings @hono/node-server passes to fetch: the socket's peer address. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const withForwardedFor = (value?: string) =>
  new Request('http://x/v1/forces', value === undefined ? {} : { headers: { 'X-Forwarded-For': value } });

describe('rateLimitKey: one key per IPv4 address, one per IPv6 /64', () => {
  it.each([
    { a: '2001:db8:1:2::1', b: '2001:db8:1:2:ffff:ffff:ffff:ffff', why: 'two hosts of one /64' },
    { a: '2001:0db8:0001:0002:0000:0000:0000:0001', b: '2001:db8:1:2::1', why: 'long and compressed forms' },
    { a: 'fe80::1%eth0', b: 'fe80::2', why: 'a zone id is not part of the network' },
    { a: '::ffff:192.0.2.1', b: '192.0.2.1', why: 'an IPv4-mapped IPv6 address and its IPv4 address' },
  ])('gives $why the same key', ({ a, b }) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    { a: '2001:db8:1:2::1', b: '2001:db8:1:3::1', why: 'neighbouring /64s' },
    { a: '192.0.2.1', b: '192.0.2.2', why: 'two IPv4 addresses' },
  ])('keeps $why apart', ({ a, b }) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it('writes the /64 as its first four groups', () => {
    expect(keyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  });

  it.each(['', 'localhost', '127.1', '0x7f000001', '2001:db8::1::2', '192.0.2.1; DROP'])(
    'parses %j as no address',
    (text) => {
      expect(parseAddress(text)).toBeUndefined();
    },
  );
});

describe('parseTrustedProxies', () => {
  it('normalises addresses to ranges', () => {
    expect(parseTrustedProxies('10.0.0.0/8, 192.0.2.7\n2001:db8::/32 ::1')).toEqual([
      '10.0.0.0/8',
      '192.0.2.7/32',
      '2001:db8::/32',
      '::1/128',
    ]);
    expect(parseTrustedProxies('  ')).toEqual([]);
  });

  it.each(['proxy.internal', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/8/8', '10.0.0.0/', '10.0.0.0/x'])(
    'refuses %j, naming it',
    (entry) => {
      expect(() => parseTrustedProxies(`10.0.0.1, ${entry}`)).toThrow(
        `trusted proxy ${JSON.stringify(entry)} is not an IP address or CIDR range`,
      );
    },
  );
});

describe('socketClientKey: the socket peer, or X-Forwarded-For only from a trusted proxy', () => {
  const behindProxy = socketClientKey(parseTrustedProxies('10.0.0.0/8, 2001:db8:ffff::/48'));

  it('ignores X-Forwarded-For when no proxy is trusted: a client cannot pick its own key', () => {
    const key = socketClientKey();
    expect(key(withForwardedFor('198.51.100.1'), fromPeer('192.0.2.50'))).toBe('192.0.2.50');
    expect(key(withForwardedFor('198.51.100.2'), fromPeer('192.0.2.50'))).toBe('192.0.2.50');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(behindProxy(withForwardedFor('198.51.100.1'), fromPeer('192.0.2.50'))).toBe('192.0.2.50');
  });

  it.each([
    { forwardedFor: '198.51.100.1', client: '198.51.100.1', why: 'the one hop the proxy added' },
    {
      forwardedFor: '203.0.113.66, 198.51.100.1',
      client: '198.51.100.1',
      why: 'the rightmost untrusted hop, not what the client wrote on the left',
    },
    { forwardedFor: '198.51.100.1, 10.1.2.3', client: '198.51.100.1', why: 'past a chain of trusted proxies' },
    { forwardedFor: '10.9.9.9, 10.1.2.3', client: '10.9.9.9', why: 'the leftmost hop when every hop is trusted' },
    { forwardedFor: 'not-an-ip, 10.1.2.3', client: '10.1.2.3', why: 'the last known address before a bad hop' },
    { forwardedFor: '198.51.100.1:5678', client: '198.51.100.1', why: 'an address without its port' },
    { forwardedFor: '[2001:db8:5:6::1]:443', client: '2001:db8:5:6::/64', why: 'an IPv6 hop, keyed by its /64' },
    { forwardedFor: undefined, client: '10.0.0.5', why: 'the proxy itself when it sends no header' },
  ])('takes $why', ({ forwardedFor, client }) => {
    expect(behindProxy(withForwardedFor(forwardedFor), fromPeer('10.0.0.5'))).toBe(client);
  });

  it('trusts an IPv6 proxy range and an IPv4-mapped peer address', () => {
    expect(behindProxy(withForwardedFor('198.51.100.1'), fromPeer('2001:db8:ffff:1::9'))).toBe('198.51.100.1');
    expect(behindProxy(withForwardedFor('198.51.100.1'), fromPeer('::ffff:10.0.0.5'))).toBe('198.51.100.1');
  });

  it('refuses a trusted entry that is not an address or range when built, naming it', () => {
    expect(() => socketClientKey(['10.0.0.0/8', 'proxy.internal'])).toThrow(/trusted proxy "proxy\.internal"/);
  });

  it('keys an IPv6 peer by its /64 and a missing peer as "unknown"', () => {
    const key = socketClientKey();
    expect(key(withForwardedFor(), fromPeer('2001:db8:1:2::abcd'))).toBe('2001:db8:1:2::/64');
    expect(key(withForwardedFor(), fromPeer('2001:db8:1:2::1'))).toBe('2001:db8:1:2::/64');
    expect(key(withForwardedFor(), {})).toBe('unknown');
  });
});

describe('cloudflareClientKey', () => {
  it('keys on CF-Connecting-IP, IPv6 by its /64, and shares one key when the header is absent', () => {
    const from = (ip?: string) =>
      cloudflareClientKey(new Request('http://x/', ip ? { headers: { 'CF-Connecting-IP': ip } } : {}));
    expect(from('192.0.2.1')).toBe('192.0.2.1');
    expect(from('2001:db8:1:2::1')).toBe(from('2001:db8:1:2:ffff::2'));
    expect(from()).toBe('shared');
  });
});
