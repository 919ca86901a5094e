import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from 'peel-data/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { METRIC } from './registry/ids.ts';
import { renderReport } from './render/render-report.ts';
import { buildForceReport } from './report/build-force-report.ts';

const dir = mkdtempSync(join(tmpdir(), 'peel-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('peel export', () => {
  it("writes Durham's report as Markdown, as renderReport renders it", async () => {
    const file = join(dir, 'durham.md');
    const result = await run('export', '--report', 'durham', '--format', 'markdown', '--out', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(renderReport(buildForceReport('durham')));
    for (const figure of buildForceReport('durham').figures) expect(written).toContain(figure.title);
    expect(written).not.toContain('[object Object]');
  });

  it('prints a report as plain text to standard output without --out', async () => {
    const result = await run('export', '--report', 'E23000008', '--format', 'text');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(buildForceReport('durham').title);
  });

  it('writes a metric as tidy CSV with its metadata sidecar', async () => {
    const result = await run('export', '--metric', METRIC.asb_rate, '--out', dir);
    expect(result.code).toBe(0);
    const [header] = parseCsv(readFileSync(join(dir, 'asb_rate.csv'), 'utf8'), 'asb_rate.csv');
    expect(header?.slice(0, 5)).toEqual(['force_code', 'force', 'period_key', 'period_label', 'value']);
    const sidecar = JSON.parse(readFileSync(join(dir, 'asb_rate.metadata.json'), 'utf8')) as { metricId: string };
    expect(sidecar.metricId).toBe('asb_rate');
  });

  it.each([
    { argv: ['export', '--report', 'durhm'], code: 1, message: /Unknown territorial force "durhm"/ },
    { argv: ['export', '--metric', 'asb', '--out', dir], code: 1, message: /unknown metric "asb"; valid ids: / },
    { argv: ['export', '--report', 'durham', '--data', join(dir, 'none')], code: 1, message: /manifest\.json/ },
    { argv: ['export'], code: 2, message: /give exactly one of --report/ },
    { argv: ['export', '--metric', 'asb_rate'], code: 2, message: /missing --out/ },
    { argv: ['export', '--report', 'durham', '--format', 'pdf'], code: 2, message: /unknown --format "pdf"/ },
    { argv: ['import', '--report', 'durham'], code: 2, message: /unknown command "import"/ },
  ])('$argv -> exit $code with a message', async ({ argv, code, message }) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
  });
});
