// The texts that come from the dataset's metadata (title, subtitle, source note, home institution), per language.
import { type Filters, keptHomeIds } from '../domain/filters';
import { soleHome } from '../domain/homes';
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

/** The one home's name, or for several homes the network's ("3 universities"): where a text names "the home". */
export function homesName(lang: Lang, dataset: Pick<Dataset, 'homes'>): string {
  const home = soleHome(dataset);
  return home ? home.name[lang] : t(lang, 'homesNetwork', { n: dataset.homes.length });
}

/** Up to this many kept homes are named one by one ("Kyoto University, Osaka University and Tohoku University"). */
const NAMED_HOMES = 3;

/**
 * The homes whose agreements the filters keep, as the map's legend and its lines toggle name them: a comparison's two
 * homes by name, `home=`'s by name when few, else their number; the whole network when no home filter is set.
 */
export function keptHomesName(lang: Lang, dataset: Pick<Dataset, 'homes'>, filters: Pick<Filters, 'homes' | 'compare'>): string {
  const ids = keptHomeIds(filters);
  if (!ids || dataset.homes.length <= 1) return homesName(lang, dataset);
  const kept = dataset.homes.filter((home) => ids.includes(home.id));
  if (kept.length === 0) return homesName(lang, dataset);
  if (kept.length > NAMED_HOMES) return t(lang, 'homesNetwork', { n: kept.length });
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(kept.map((home) => home.name[lang]));
}

export function datasetTexts(lang: Lang, dataset: Pick<Dataset, 'meta' | 'homes'>): DatasetTexts {
  const { meta } = dataset;
  const home = soleHome(dataset);
  const homeName = homesName(lang, dataset);
  return {
    title: meta.title[lang],
    subtitle: t(lang, 'datasetSubtitle', { asOf: meta.asOf }),
    sourceNote: t(lang, 'sourceCredit', { institution: home ? homeName : meta.title[lang], asOf: meta.asOf }),
    home: home ? t(lang, 'homeLegend', { name: homeName, city: home.city[lang] ?? home.city.en }) : homeName,
  };
}

/**
 * The search box's examples, from the dataset's own partners: the name of the institution with the most agreements,
 * the city of the next one in another country, and that of a third country ("e.g. Tsinghua University, Seoul,
 * France"), so that an imported list suggests its own names.
 */
export function searchExamples(lang: Lang, dataset: Pick<Dataset, 'agreements' | 'institutions' | 'countries'>): string {
  const count = new Map<string, number>();
  for (const a of dataset.agreements) for (const id of a.institutionIds) count.set(id, (count.get(id) ?? 0) + 1);
  const ranked = [...dataset.institutions].sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  const picks = ranked.filter((inst) => !seen.has(inst.country) && seen.add(inst.country)).slice(0, 3);
  const country = picks[2] && dataset.countries.find((c) => c.code === picks[2]!.country);
  const examples = [picks[0]?.name[lang], picks[1] ? (picks[1].city[lang] ?? picks[1].city.en) : undefined, country ? country.name[lang] : undefined].filter(
    (x): x is string => Boolean(x),
  );
  return examples.length > 0 ? t(lang, 'searchPlaceholder', { examples: examples.join(lang === 'ja' ? '、' : ', ') }) : '';
}
