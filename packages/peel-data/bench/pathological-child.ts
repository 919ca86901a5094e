/**
 * One pathological case in its own process (bundled by bench/pathological.ts): `import <format> <file>` runs
 * importFile, `load <dir>` runs loadRelease. Prints one JSON line: outcome, message, wall ms and peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { type ImportFormat, importFile, loadRelease } from '../src/node.ts';

const [mode, a, b] = process.argv.slice(2);
const started = performance.now();
let ok = false;
let message: string;
try {
  if (mode === 'import') {
    const result = await importFile(a as ImportFormat, b!);
    ok = result.ok;
    message = result.ok ? 'imported' : result.message;
  } else {
    await loadRelease(a!);
    ok = true;
    message = 'loaded';
  }
} catch (error) {
  message = `thrown: ${error instanceof Error ? error.message : String(error)}`;
}
const wallMs = Math.round(performance.now() - started);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ok, message: message.slice(0, 240), wallMs, peakRssMb }));
