/**
 * Serving newer data: a folder written by `peel-data import` holds only the datasets that were imported
 * (recorded crime, outcomes, police.uk aggregates…). The API serves those in place of the bundled ones and
 * keeps the bundled datasets for everything else (forces, judgments, catalogue, published figures).
 */
import type { PeelRelease } from 'peel-data';

/** The datasets a release folder can hold (peel-data/node's `Release`), structurally. */
export type ImportedDatasets = {
  recordedCrime?: PeelRelease['recordedCrime'];
  outcomes?: PeelRelease['outcomes'];
  policeUkAggregates?: PeelRelease['policeUk'];
};

/**
 * The bundled release with the imported datasets laid over it; `version` says both.
 * @example overlayRelease(bundledRelease, await loadRelease(dir), dir).version // '0.1.0+/data/peel'
 */
export function overlayRelease(bundled: PeelRelease, imported: ImportedDatasets, label: string): PeelRelease {
  const names = Object.keys(imported).filter((name) => imported[name as keyof ImportedDatasets] !== undefined);
  if (names.length === 0)
    throw new Error(
      `${label} holds no dataset the API can serve (expected at least one of recordedCrime, outcomes, ` +
        `policeUkAggregates)`,
    );
  return {
    ...bundled,
    ...(imported.recordedCrime ? { recordedCrime: imported.recordedCrime } : {}),
    ...(imported.outcomes ? { outcomes: imported.outcomes } : {}),
    ...(imported.policeUkAggregates ? { policeUk: imported.policeUkAggregates } : {}),
    version: `${bundled.version}+${label}`,
  };
}
