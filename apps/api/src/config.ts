/**
 * Reads the server's settings from environment variables, refusing bad values with the variable named.
 * Pure (takes the env as a record) so it is tested without touching `process`.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `PORT` | 8787 | TCP port (0 = any free port) |
 * | `HOST` | `0.0.0.0` | interface to listen on |
 * | `PEEL_DATA_DIR` | (bundled release) | folder written by `peel-data import` to serve instead |
 * | `RATE_LIMIT` | `600/60` | requests per seconds per client (IPv4 address or IPv6 /64); `off` disables |
 * | `TRUSTED_PROXIES` | (none) | reverse proxies (IPs, CIDR ranges) whose `X-Forwarded-For` is read |
 * | `LOG_REQUESTS` | `on` | one JSON line per request on stdout; `off` disables |
 */

import { parseTrustedProxies } from './http/client-address.ts';

/** The server settings. */
export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string | undefined;
  rateLimit: { limit: number; windowMs: number } | false;
  /** Trusted reverse proxies as CIDR ranges (`10.0.0.0/8`); empty: `X-Forwarded-For` is never read. */
  trustedProxies: string[];
  logRequests: boolean;
};

/**
 * A setting that cannot be used, with the variable and the value named.
 * @example new ConfigError('PORT must be a whole number from 0 to 65535, received "http"')
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the server settings.
 * @example readServerConfig({ PORT: '9000', RATE_LIMIT: '100/10' })
 * // { port: 9000, host: '0.0.0.0', dataDir: undefined, rateLimit: { limit: 100, windowMs: 10000 },
 * //   trustedProxies: [], logRequests: true }
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const portText = env.PORT?.trim() || '8787';
  if (!/^\d+$/.test(portText) || Number(portText) > 65_535) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535, received ${JSON.stringify(env.PORT)}; e.g. PORT=8787`,
    );
  }
  const rateText = env.RATE_LIMIT?.trim() || '600/60';
  let rateLimit: ServerConfig['rateLimit'] = false;
  if (rateText !== 'off') {
    const match = /^(\d+)\/(\d+)$/.exec(rateText);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw new ConfigError(
        `RATE_LIMIT must be "<requests>/<seconds>" or "off", received ${JSON.stringify(env.RATE_LIMIT)}; ` +
          'e.g. RATE_LIMIT=600/60',
      );
    }
    rateLimit = { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
  }
  let trustedProxies: string[];
  try {
    trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES ?? '');
  } catch (error) {
    throw new ConfigError(`TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  const logText = (env.LOG_REQUESTS?.trim() || 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(logText)) {
    throw new ConfigError(`LOG_REQUESTS must be "on" or "off", received ${JSON.stringify(env.LOG_REQUESTS)}`);
  }
  return {
    port: Number(portText),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: env.PEEL_DATA_DIR?.trim() || undefined,
    rateLimit,
    trustedProxies,
    logRequests: ['on', 'true', '1'].includes(logText),
  };
}
