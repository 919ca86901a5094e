/**
 * Response schemas the routes share. Data shapes come from peel-data and peel-metrics (their zod schemas);
 * here they are only named for the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { MissingSchema } from 'peel-data';

// `.meta()` rather than `.openapi()`: schemas made by another package may predate @hono/zod-openapi's zod extension.
export const MissingValueSchema = MissingSchema.meta({
  id: 'Missing',
  description:
    'A value that does not exist, with the reason. `missing` uses the UK statistics codes: x not available, z not applicable, c confidential, u low reliability. In CSV it is written as `[x]` with the reason in a `<column>_missing_reason` column.',
});

/** Path parameter `{force}`: a slug or an ONS code. */
export const ForceParamSchema = z
  .string()
  .min(1)
  .max(100)
  .openapi({
    param: { name: 'force', in: 'path' },
    description: "Force slug (e.g. 'durham') or ONS police force area code (e.g. 'E23000008'). Add '.csv' for CSV.",
    example: 'durham',
  });
