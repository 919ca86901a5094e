/**
 * Per-client rate limiting with a fixed window: each client key may make `limit` requests per `windowMs`.
 * Counters live in memory (one isolate or process); on Workers each isolate limits on its own, which is a
 * first line of defence, not a global quota (Cloudflare's rate-limiting rules are the global one).
 *
 * Memory is bounded by `maxClients`: past it, the client seen least recently is forgotten, one at a time. A client
 * that keeps sending (one at its limit, say) is always among the most recent, so a flood of new keys cannot wipe
 * its counter; only a client idle through `maxClients` newer ones starts afresh.
 */

/** How many requests a client may make per window. */
export type RateLimitOptions = {
  /** Requests allowed per window and client. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Upper bound on tracked clients (100,000 by default); beyond it the least recently seen client is dropped. */
  maxClients?: number;
};

/** The verdict for one request. */
export type RateLimitDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

/**
 * A fixed-window counter keyed by client. `now` is injectable so tests do not sleep.
 * @example
 * const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 1000 });
 * limiter.hit('1.2.3.4', 0).allowed // true
 * limiter.hit('1.2.3.4', 1).allowed // true
 * limiter.hit('1.2.3.4', 2) // { allowed: false, limit: 2, remaining: 0, resetSeconds: 1 }
 */
export class FixedWindowLimiter {
  readonly #options: Required<RateLimitOptions>;
  #windowStart = Number.NEGATIVE_INFINITY;
  #counts = new Map<string, number>();

  constructor(options: RateLimitOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new TypeError(
        `rateLimit.limit must be a positive integer, received ${String(options.limit)}; ` +
          'e.g. { limit: 600, windowMs: 60_000 }',
      );
    }
    if (!Number.isFinite(options.windowMs) || options.windowMs < 1) {
      throw new TypeError(
        `rateLimit.windowMs must be a positive number of milliseconds, received ${String(options.windowMs)}; ` +
          'e.g. { limit: 600, windowMs: 60_000 }',
      );
    }
    if (options.maxClients !== undefined && (!Number.isInteger(options.maxClients) || options.maxClients < 1)) {
      throw new TypeError(
        `rateLimit.maxClients must be a positive integer, received ${String(options.maxClients)}; ` +
          'e.g. { limit: 600, windowMs: 60_000, maxClients: 100_000 }',
      );
    }
    this.#options = { maxClients: 100_000, ...options };
  }

  /** How many clients have a counter in the current window. */
  get clients(): number {
    return this.#counts.size;
  }

  /** Counts one request from `client` at time `now` (ms) and says whether it may proceed. */
  hit(client: string, now: number): RateLimitDecision {
    const { limit, windowMs, maxClients } = this.#options;
    if (now - this.#windowStart >= windowMs) {
      // Windows are aligned to the clock so every client's window resets together and old counters go at once.
      this.#windowStart = now - (now % windowMs);
      this.#counts = new Map();
    }
    const previous = this.#counts.get(client);
    if (previous === undefined) {
      // A Map iterates in insertion order, and every hit re-inserts its key: the first key is the least recent.
      if (this.#counts.size >= maxClients) this.#counts.delete(this.#counts.keys().next().value as string);
    } else {
      this.#counts.delete(client);
    }
    const count = (previous ?? 0) + 1;
    this.#counts.set(client, count);
    const resetSeconds = Math.max(1, Math.ceil((this.#windowStart + windowMs - now) / 1000));
    return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
  }
}
