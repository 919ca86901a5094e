import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './rate-limit.ts';

describe('FixedWindowLimiter', () => {
  it('allows `limit` requests per window, then refuses until the window resets', () => {
    const limiter = new FixedWindowLimiter({ limit: 3, windowMs: 10_000 });
    const verdicts = [0, 1, 2, 3].map((t) => limiter.hit('a', t).allowed);
    expect(verdicts).toEqual([true, true, true, false]);
    expect(limiter.hit('a', 9_999)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 1 });
    expect(limiter.hit('a', 10_000).allowed).toBe(true);
  });

  it('counts clients separately', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('b', 0).allowed).toBe(true);
    expect(limiter.hit('a', 0).allowed).toBe(false);
  });

  it('reports the seconds left in the window, rounded up', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.hit('a', 1_500).resetSeconds).toBe(59);
  });

  it('keeps a client at its limit limited while a flood of new keys passes the default bound of 100,000', () => {
    const limiter = new FixedWindowLimiter({ limit: 3, windowMs: 60_000 });
    const attacker = '203.0.113.9';
    for (let i = 0; i < 4; i++) limiter.hit(attacker, 0);
    for (let i = 0; i < 150_000; i++) {
      limiter.hit(`key-${i}`, 1);
      if (i % 10_000 === 0) expect(limiter.hit(attacker, 1).allowed, `after ${i} new keys`).toBe(false);
    }
    expect(limiter.hit(attacker, 2).allowed).toBe(false);
    expect(limiter.clients).toBe(100_000);
  });

  it('forgets the least recently seen client first, one at a time', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000, maxClients: 3 });
    for (const client of ['a', 'b', 'c']) limiter.hit(client, 0);
    limiter.hit('a', 1); // a is now the most recent; b the least
    limiter.hit('d', 2); // over the bound: b goes
    expect(limiter.clients).toBe(3);
    expect(limiter.hit('a', 3).allowed).toBe(false);
    expect(limiter.hit('c', 3).allowed).toBe(false);
    // b was forgotten, so it starts afresh; d, now the least recent, makes room for it; a and c stay limited.
    expect(limiter.hit('b', 3).allowed).toBe(true);
    expect(limiter.hit('a', 3).allowed).toBe(false);
    expect(limiter.hit('c', 3).allowed).toBe(false);
    expect(limiter.clients).toBe(3);
  });

  it.each([
    { options: { limit: 0, windowMs: 1000 }, message: /limit must be a positive integer, received 0/ },
    {
      options: { limit: 1, windowMs: 1000, maxClients: 0 },
      message: /maxClients must be a positive integer, received 0/,
    },
    { options: { limit: 1.5, windowMs: 1000 }, message: /limit must be a positive integer, received 1.5/ },
    { options: { limit: 10, windowMs: 0 }, message: /windowMs must be a positive number.*received 0/ },
  ])('refuses $options with the bad option named', ({ options, message }) => {
    expect(() => new FixedWindowLimiter(options)).toThrow(message);
  });

  it('never allows more than `limit` requests from one client within a window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 100 }),
        (limit, offsets) => {
          const limiter = new FixedWindowLimiter({ limit, windowMs: 1000 });
          const allowed = offsets.sort((a, b) => a - b).filter((t) => limiter.hit('x', t).allowed).length;
          expect(allowed).toBe(Math.min(limit, offsets.length));
        },
      ),
    );
  });
});
