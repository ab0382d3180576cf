// The texts that come from the dataset's metadata (title, subtitle, source note, home institution), per language.
import type { Dataset, Lang } from '../domain/schema';
import { t } from './messages';

export interface DatasetTexts {
  title: string;
  /** "International exchange agreements, as of May 2012", from meta.asOf. */
  subtitle: string;
  /** The short credit under an exported picture. */
  sourceNote: string;
  /** The home institution as the map legend names it: "Tohoku University (Sendai)". */
  home: string;
}

export function datasetTexts(lang: Lang, dataset: Pick<Dataset, 'meta' | 'home'>): DatasetTexts {
  const { meta, home } = dataset;
  const homeName = home.name[lang];
  return {
    title: meta.title[lang],
    subtitle: t(lang, 'datasetSubtitle', { asOf: meta.asOf }),
    sourceNote: t(lang, 'sourceCredit', { institution: homeName, asOf: meta.asOf }),
    home: t(lang, 'homeLegend', { name: homeName, city: home.city[lang] ?? home.city.en }),
  };
}
