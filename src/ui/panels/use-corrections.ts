// The corrections "About the data" lists. The built page's dataset leaves them out of the first load and names the
// file that has them (`correctionsFile`, scripts/dataset-asset.ts): fetched, and checked, when the panel first opens.
import { useEffect, useState } from 'react';
import { type Correction, correctionSchema, type Dataset } from '../../domain/schema';

/** `corrections` is null while the file is on its way. */
export type CorrectionsState = { corrections: readonly Correction[] | null; error: string | null };

async function fetchCorrections(file: string): Promise<Correction[]> {
  const response = await fetch(new URL(file, document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${file}`);
  return correctionSchema.array().parse(await response.json());
}

/** The dataset's corrections; with `correctionsFile`, none until `wanted` (the panel is open) and the file is in. */
export function useCorrections(dataset: Dataset, wanted: boolean): CorrectionsState {
  const file = dataset.correctionsFile;
  const [loaded, setLoaded] = useState<{ file: string; state: CorrectionsState } | null>(null);
  const have = file !== undefined && loaded?.file === file;
  useEffect(() => {
    if (!wanted || file === undefined || have) return;
    let live = true;
    fetchCorrections(file).then(
      (corrections) => live && setLoaded({ file, state: { corrections, error: null } }),
      (error: unknown) => live && setLoaded({ file, state: { corrections: [], error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [wanted, file, have]);
  if (file === undefined) return { corrections: dataset.corrections, error: null };
  return have ? loaded.state : { corrections: null, error: null };
}
