// Browser entry: bundle it (esbuild browser.mjs --bundle --format=esm --outfile=browser.js) and open browser.html.
import { forceSummary } from './summary.mjs';

const slug = new URLSearchParams(location.search).get('force') ?? 'durham';
const output = document.querySelector('#summary');
try {
  output.textContent = forceSummary(slug).join('\n');
  output.dataset.status = 'done';
} catch (error) {
  output.textContent = String(error?.stack ?? error);
  output.dataset.status = 'error';
}
