import { describe, expect, it, vi } from 'vitest';
import { RenderMemo, renderBody } from './memo.ts';
import { repeatableAnswer } from './send.ts';

describe('RenderMemo', () => {
  it('renders a key once and serves the same bytes afterwards', async () => {
    const memo = new RenderMemo(10);
    const render = vi.fn(() => renderBody('{"a":1}', 'application/json'));
    const first = await memo.get('k', render);
    const second = await memo.get('k', render);
    expect(render).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(new TextDecoder().decode(first.body)).toBe('{"a":1}');
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const memo = new RenderMemo(2);
    const render = (text: string) => vi.fn(() => renderBody(text, 'text/plain'));
    await memo.get('a', render('a'));
    await memo.get('b', render('b'));
    await memo.get('a', render('a'));
    await memo.get('c', render('c'));
    expect(memo.size).toBe(2);
    const again = render('b');
    await memo.get('b', again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('evicts the oldest entries once the bytes held pass the byte bound', async () => {
    const memo = new RenderMemo(100, { maxBytes: 10 });
    await memo.get('a', () => renderBody('123456', 'text/plain'));
    await memo.get('b', () => renderBody('123456', 'text/plain'));
    await Promise.resolve();
    expect(memo.size).toBe(1);
    expect(memo.bytes).toBe(6);
  });

  it('forgets a failed render so the next request retries', async () => {
    const memo = new RenderMemo(2);
    await expect(memo.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const retry = vi.fn(() => renderBody('ok', 'text/plain'));
    await memo.get('k', retry);
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('RenderMemo answers by request', () => {
  const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });
  const answer = async (text: string) => repeatableAnswer(await renderBody(text, 'text/plain'));

  it('finds an answer by URL and negotiated representation, not by anything else', async () => {
    const memo = new RenderMemo(10);
    const json = await answer('json');
    const csv = await answer('csv');
    memo.rememberAnswer(request('http://x/v1/forces'), json);
    memo.rememberAnswer(request('http://x/v1/forces', { Accept: 'text/csv' }), csv);
    expect(memo.answerFor(request('http://x/v1/forces', { 'X-Request-Id': 'other' }))).toBe(json);
    expect(memo.answerFor(request('http://x/v1/forces', { Accept: 'text/csv' }))).toBe(csv);
    // Other header texts that negotiate the same representation share its answer.
    expect(memo.answerFor(request('http://x/v1/forces', { Accept: 'application/json' }))).toBe(json);
    expect(memo.answerFor(request('http://x/v1/forces', { Accept: '*/*' }))).toBe(json);
    expect(memo.answerFor(request('http://x/v1/forces', { Accept: 'text/csv;q=0.9, application/json' }))).toBe(json);
    expect(memo.answerFor(request('http://x/v1/forces', { Accept: 'application/json;q=0.1, text/csv' }))).toBe(csv);
    expect(memo.answerFor(request('http://x/v1/forces?x=1'))).toBeUndefined();
    expect(memo.answers.count).toBe(2);
  });

  it('keys on Accept-Encoding only when it offers gzip, and then on whether it accepts gzip', async () => {
    const plain = new RenderMemo(10);
    const zipping = new RenderMemo(10, { gzip: true });
    const a = await answer('a');
    plain.rememberAnswer(request('http://x/a'), a);
    zipping.rememberAnswer(request('http://x/a'), a);
    expect(plain.answerFor(request('http://x/a', { 'Accept-Encoding': 'gzip' }))).toBe(a);
    expect(zipping.answerFor(request('http://x/a', { 'Accept-Encoding': 'gzip' }))).toBeUndefined();
    expect(zipping.answerFor(request('http://x/a', { 'Accept-Encoding': 'br, gzip;q=0' }))).toBe(a);
    const gz = await answer('gz');
    zipping.rememberAnswer(request('http://x/a', { 'Accept-Encoding': 'gzip, deflate, br' }), gz);
    expect(zipping.answerFor(request('http://x/a', { 'Accept-Encoding': 'br, *' }))).toBe(gz);
  });

  it('holds one answer per representation, not per header text, under 10,000 varied 15 kB Accept headers', async () => {
    const memo = new RenderMemo(10, { gzip: true });
    const a = await answer('a');
    for (let i = 0; i < 10_000; i++) {
      // 15 kB of media ranges that differ on every request, then a preference the server can act on.
      const accept = `application/x-${i}-${'y'.repeat(15_000)}, ${i % 2 ? 'text/csv' : 'application/json'}`;
      const headers = { Accept: accept, 'Accept-Encoding': i % 3 ? 'gzip' : 'identity' };
      if (!memo.answerFor(request('http://x/v1/forces', headers)))
        memo.rememberAnswer(request('http://x/v1/forces', headers), a);
    }
    // CSV or JSON, gzip or not: four answers, holding no header text.
    expect(memo.answers).toEqual({ count: 4, urlChars: 'http://x/v1/forces'.length });
  });

  it('bounds the URL text it holds: oldest URLs go first', async () => {
    const memo = new RenderMemo(10);
    const a = await answer('a');
    const long = (i: number) => `http://x/v1/compare?metric=asb_rate&forces=${i}-${'z'.repeat(16_000)}`;
    for (let i = 0; i < 1_000; i++) memo.rememberAnswer(request(long(i)), a);
    expect(memo.answers.urlChars).toBeLessThanOrEqual(RenderMemo.MAX_URL_CHARS);
    expect(memo.answerFor(request(long(999)))).toBe(a);
    expect(memo.answerFor(request(long(0)))).toBeUndefined();
  });

  it('forgets every answer when it evicts a rendering, so no answer pins evicted bytes', async () => {
    const memo = new RenderMemo(1);
    const a = await memo.get('a', () => renderBody('a', 'text/plain'));
    memo.rememberAnswer(request('http://x/a'), repeatableAnswer(a));
    await memo.get('b', () => renderBody('b', 'text/plain'));
    expect(memo.answerFor(request('http://x/a'))).toBeUndefined();
  });

  it(`holds at most ${RenderMemo.MAX_REQUESTS} answers, the oldest URL out first`, async () => {
    const memo = new RenderMemo(10);
    const a = await answer('a');
    for (let i = 0; i <= RenderMemo.MAX_REQUESTS; i++) memo.rememberAnswer(request(`http://x/${i}`), a);
    expect(memo.answerFor(request('http://x/0'))).toBeUndefined();
    expect(memo.answerFor(request('http://x/1'))).toBe(a);
    expect(memo.answerFor(request(`http://x/${RenderMemo.MAX_REQUESTS}`))).toBe(a);
    expect(memo.answers.count).toBe(RenderMemo.MAX_REQUESTS);
  });
});
