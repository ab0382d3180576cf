// Captions of the presentation storyline: the words for the facts that src/domain/storyline.ts derives.
import type { AtlasIndex } from '../domain/atlas-index';
import type { Institution, Lang, RegionId } from '../domain/schema';
import { milestonesByYear } from '../domain/story-years';
import type { Milestone, Partners } from '../domain/storyline';
import { t } from './messages';

const cityOf = (inst: Institution, lang: Lang): string | undefined => (lang === 'ja' ? inst.city.ja : inst.city.en);

/** Whether the name already says the city ("University of California, Berkeley", "ソウル大学校"). */
function namesCity(lang: Lang, name: string, city: string): boolean {
  // English names differ in case from their city; Japanese has no case.
  return lang === 'en' ? name.toLowerCase().includes(city.toLowerCase()) : name.includes(city);
}

const countryName = (lang: Lang, index: AtlasIndex, code: string) => index.countriesByCode.get(code)?.name[lang] ?? code;

/** A home's name in the page's language. */
const homeName = (lang: Lang, index: AtlasIndex, id: string) => index.homes.find((h) => h.id === id)?.name[lang] ?? id;

/** Names joined as the language joins them: "A, B and C" / "A、B、C". */
const listOf = (lang: Lang, names: readonly string[]) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);

/**
 * The first institution of an agreement by name, the rest as a count (the University of California has ten
 * campuses), then where: "Northeastern University (Shenyang, China)" / "中国東北大学(中国・瀋陽)"; the city only where
 * the name does not already say it. A name that ends in ")" (ワシントン大学 (シアトル)) takes the
 * place after a comma, not in a second pair of parentheses.
 */
function partnersPhrase(lang: Lang, index: AtlasIndex, partners: Partners): string {
  const inst = index.institutionsById.get(partners.institutionId);
  const name = inst ? inst.name[lang] : partners.institutionId;
  const country = countryName(lang, index, partners.countryCode);
  const city = inst && cityOf(inst, lang);
  const withCity = city && !namesCity(lang, name, city);
  if (partners.others > 0) {
    // "University of California, Berkeley and 9 others (United States)": the city is the first campus's.
    const place = withCity ? t(lang, 'storyPlaceWithCity', { name, city }) : name;
    return t(lang, 'storyPartnerAndOthers', { place, others: partners.others, country });
  }
  const where = withCity ? t(lang, 'storyWhere', { city, country }) : country;
  return t(lang, /\)\s*$/.test(name) ? 'storyPartnerAfterParen' : 'storyPartner', { name, where });
}

/** A region's name as the caption's sentence needs it: English says "in the Middle East" but "in Europe". */
function regionInSentence(lang: Lang, index: AtlasIndex, region: RegionId): string {
  const name = index.dataset.regions.find((r) => r.id === region)?.name[lang] ?? region;
  return region === 'middle-east' ? t(lang, 'storyRegionWithArticle', { region: name }) : name;
}

/** The caption of one slide: in a story of several homes, a slide about one agreement says whose it is. */
export function storylineCaption(lang: Lang, index: AtlasIndex, m: Milestone): string {
  const caption = factCaption(lang, index, m);
  if (m.homeId === undefined || m.kind === 'countries-reached') return caption;
  return t(lang, 'storyByHome', { home: homeName(lang, index, m.homeId), caption });
}

/** The caption of one slide, its home aside; the title slide is the dataset's own title (and the homes it is of). */
function factCaption(lang: Lang, index: AtlasIndex, m: Milestone): string {
  switch (m.kind) {
    case 'title': {
      const title = index.dataset.meta.title[lang];
      if (!m.homeIds) return title;
      return t(lang, 'storyTitleHomes', {
        title,
        homes: listOf(
          lang,
          m.homeIds.map((id) => homeName(lang, index, id)),
        ),
      });
    }
    case 'countries-reached':
      return t(lang, 'storyCountriesReached', {
        year: m.year,
        n: m.count,
        home: homeName(lang, index, m.homeId),
        country: countryName(lang, index, m.partners.countryCode),
        partners: index.institutionsById.get(m.partners.institutionId)?.name[lang] ?? m.partners.institutionId,
      });
    case 'most-connected':
      return t(lang, 'storyMostConnected', {
        partners: listOf(
          lang,
          m.partners.map((p) =>
            t(lang, 'storyConnectedPartner', { name: index.institutionsById.get(p.institutionId)?.name[lang] ?? p.institutionId, n: p.homes }),
          ),
        ),
      });
    case 'fastest-growing':
      return t(lang, 'storyFastestGrowing', {
        from: m.from,
        to: m.to,
        homes: listOf(
          lang,
          m.homes.map((h) => t(lang, 'storyGrowingHome', { name: homeName(lang, index, h.homeId), n: h.added })),
        ),
      });
    case 'first-agreement':
      return t(lang, 'storyFirstAgreement', { year: m.year, partners: partnersPhrase(lang, index, m.partners) });
    case 'first-in-region':
      return t(lang, 'storyFirstInRegion', {
        year: m.year,
        region: regionInSentence(lang, index, m.regionId),
        partners: partnersPhrase(lang, index, m.partners),
      });
    case 'partner-count':
      return t(lang, 'storyPartnerCount', { year: m.year, n: m.count, total: m.byYearEnd, partners: partnersPhrase(lang, index, m.partners) });
    case 'busiest-year':
      return t(lang, 'storyBusiestYear', { year: m.year, n: m.agreements });
    case 'top-country': {
      const country = countryName(lang, index, m.countryCode);
      const top = t(lang, 'storyTopCountry', { country, n: m.institutions, agreements: m.agreements });
      if (!m.firstHome) return top;
      return `${top}${lang === 'ja' ? '。' : '. '}${t(lang, 'storyTopCountryFirst', { country, home: homeName(lang, index, m.firstHome.homeId), year: m.firstHome.year })}`;
    }
    case 'latest-agreement':
      return t(lang, 'storyLatestAgreement', { year: m.year, partners: partnersPhrase(lang, index, m.partners) });
    case 'end':
      return t(lang, 'storyEnd', { agreements: m.agreements, institutions: m.institutions, countries: m.countries });
  }
}

/**
 * Notes under a slide's caption (issue 26): a slide placed in a year shows the network grown from the dated
 * agreements, so it says how many undated ones that leaves out; the totals say why institutions and agreements
 * differ (one agreement can cover several campuses). Empty when there is nothing to say.
 */
export function storylineNotes(lang: Lang, m: Milestone): string[] {
  if (m.kind === 'title' || m.kind === 'top-country' || m.kind === 'most-connected' || m.kind === 'fastest-growing') return [];
  const undated = m.undated.agreements;
  if (m.kind !== 'end') {
    if (undated === 0) return [];
    return [t(lang, m.undated.departmentLevel ? 'storyGrowthUndatedDepartment' : 'storyGrowthUndated', { n: undated })];
  }
  const notes: string[] = [];
  if (undated > 0) notes.push(t(lang, m.undated.departmentLevel ? 'storyEndUndatedDepartment' : 'storyEndUndated', { n: undated }));
  if (m.shared.agreements > 0) notes.push(t(lang, 'storyEndShared', { n: m.shared.agreements, largest: m.shared.largest }));
  return notes;
}

/**
 * The story told by year: each year's milestones' captions, in story order. The first is the year's story line: the
 * one caption the playback overlay, a video frame and the PNG draw; the timeline's mark for the year lists them all.
 */
export function storyByYear(lang: Lang, index: AtlasIndex, milestones: readonly Milestone[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [year, ms] of milestonesByYear(milestones))
    out.set(
      year,
      ms.map((m) => storylineCaption(lang, index, m)),
    );
  return out;
}
