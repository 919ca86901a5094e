/**
 * Writes a dataset as TypeScript source for src/generated: JSON (valid TypeScript) with each distinct
 * Missing marker hoisted into a named constant, so thousands of identical markers cost one line each.
 */
import { isMissing, type Missing } from '../types/missing.ts';

/**
 * `export const <name>: <type> = …;` for a dataset, with Missing markers shared.
 * @example
 * datasetModuleSource('demo', 'Demo', { values: [1, { missing: 'x', reason: 'r' }] })
 * // "const MISSING_0 = {\"missing\":\"x\",\"reason\":\"r\"} as const;\nexport const demo: Demo =
 * {\"values\":[1,MISSING_0]};\n"
 */
export function datasetModuleSource(name: string, typeName: string, value: unknown): string {
  const markers = new Map<string, string>();
  collectMissing(value, markers);
  let body = JSON.stringify(value);
  const constants: string[] = [];
  let index = 0;
  for (const json of markers.keys()) {
    const constant = `MISSING_${index++}`;
    constants.push(`const ${constant} = ${json} as const;\n`);
    body = body.split(json).join(constant);
  }
  return `${constants.join('')}export const ${name}: ${typeName} = ${body};\n`;
}

function collectMissing(value: unknown, markers: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const element of value) collectMissing(element, markers);
  } else if (isMissing(value)) {
    const json = JSON.stringify({ missing: (value as Missing).missing, reason: (value as Missing).reason });
    markers.set(json, json);
  } else if (typeof value === 'object' && value !== null) {
    for (const element of Object.values(value)) collectMissing(element, markers);
  }
}
