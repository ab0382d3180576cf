import { it } from 'vitest';
import data from '/work/main/data/agreements.json';
import { parseDataset } from '/work/main/src/domain/schema';
import { buildIndex } from '/work/main/src/domain/atlas-index';
import { deriveStoryline } from '/work/main/src/domain/storyline';
it('prints', () => {
  const index = buildIndex(parseDataset(data));
  for (const m of deriveStoryline(index, index.links)) console.log(m.id, m.year, m.countryCode, JSON.stringify(m.focus), m.institutionIds.length, '\n  ', m.caption.en, '\n  ', m.caption.ja);
});
