/**
 * Writes the artifacts derived from the OpenAPI document: `test/__snapshots__/openapi.json` (the reviewed
 * snapshot) and `test/generated/openapi.ts` (types from openapi-typescript, used by the openapi-fetch test).
 * Run `pnpm --filter @peel/api gen:openapi` after changing a route; the tests fail until you do.
 */
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/app.ts';
import { generateClientTypes } from '../test/openapi-types.ts';

const res = await createApp().request('/openapi.json');
const document = (await res.json()) as Record<string, unknown>;
writeFileSync(new URL('../test/__snapshots__/openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(new URL('../test/generated/openapi.ts', import.meta.url), await generateClientTypes(document));
console.log('wrote test/__snapshots__/openapi.json and test/generated/openapi.ts');
