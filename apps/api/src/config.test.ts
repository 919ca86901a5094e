import { describe, expect, it } from 'vitest';
import { readServerConfig } from './config.ts';

describe('readServerConfig', () => {
  it('defaults to port 8787, the bundled data, 600 requests a minute and request logs', () => {
    expect(readServerConfig({})).toEqual({
      port: 8787,
      host: '0.0.0.0',
      dataDir: undefined,
      rateLimit: { limit: 600, windowMs: 60_000 },
      trustedProxies: [],
      logRequests: true,
    });
  });

  it.each([
    { env: { PORT: '0' }, key: 'port', expected: 0 },
    { env: { PORT: ' 9000 ' }, key: 'port', expected: 9000 },
    { env: { RATE_LIMIT: 'off' }, key: 'rateLimit', expected: false },
    { env: { RATE_LIMIT: '100/10' }, key: 'rateLimit', expected: { limit: 100, windowMs: 10_000 } },
    { env: { PEEL_DATA_DIR: '/data/peel' }, key: 'dataDir', expected: '/data/peel' },
    { env: { LOG_REQUESTS: 'off' }, key: 'logRequests', expected: false },
    {
      env: { TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7 2001:db8::/32,::ffff:172.16.0.0/108' },
      key: 'trustedProxies',
      expected: ['10.0.0.0/8', '192.0.2.7/32', '2001:db8::/32', '172.16.0.0/12'],
    },
  ])('$env sets $key', ({ env, key, expected }) => {
    expect(readServerConfig(env)[key as keyof ReturnType<typeof readServerConfig>]).toEqual(expected);
  });

  it.each([
    { env: { PORT: 'http' }, message: /PORT must be a whole number.*"http"/ },
    { env: { PORT: '70000' }, message: /PORT must be.*"70000"/ },
    { env: { RATE_LIMIT: '10 per minute' }, message: /RATE_LIMIT must be .*"10 per minute"/ },
    { env: { RATE_LIMIT: '0/60' }, message: /RATE_LIMIT must be/ },
    { env: { LOG_REQUESTS: 'loud' }, message: /LOG_REQUESTS must be "on" or "off", received "loud"/ },
    { env: { TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' }, message: /TRUSTED_PROXIES: .*"proxy\.internal" is not/ },
    { env: { TRUSTED_PROXIES: '10.0.0.0/33' }, message: /TRUSTED_PROXIES: .*"10\.0\.0\.0\/33"/ },
    { env: { TRUSTED_PROXIES: '10.1' }, message: /TRUSTED_PROXIES: .*"10\.1"/ },
  ])('refuses $env naming the variable', ({ env, message }) => {
    expect(() => readServerConfig(env)).toThrow(message);
  });
});
