import { describe, expect, it, vi } from 'vitest';
import { RenderMemo, renderBody } from './memo.ts';

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
