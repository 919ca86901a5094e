// node node.mjs [force-slug]   prints the force's PEEL 2016 report summary (default: Durham).
import { forceSummary } from './summary.mjs';

console.log(forceSummary(process.argv[2] ?? 'durham').join('\n'));
