// The institution lookup (the contract: institution-lookup.ts): a partner's name and its row's country → the
// institution, from the gazetteer asset (ROR, institution-asset.ts) and the built-in dataset's institutions, whose
// curated names, city and place win (a ROR record of the same name and place is folded into the built-in one).
// Rules, in order, always within the row's country when it has one; the first that finds anything decides, and a
// name that several institutions fit alike is ambiguous (match null, candidates listed):
//   exact      the name, folded (case, width, accents, punctuation), is an institution's display name
//   alias      … one of its other names: aliases, labels in other languages, acronyms
//   normalised the names' signatures agree (institution-names.ts: "University of X" = "X University" = "Universidad
//              de X"; Chinese characters folded simplified = traditional = shinjitai, 国立 dropped)
//   reading    a Japanese name's katakana sounds like an institution's name (kana.ts), or like a city of the
//              country that has one institution of the kinds the name says (ミュンヘン大学 → Munich)
//   typo       one word off by one letter (two words for a long name), corrected only when the correction is unique
// Without a country, only exact, alias and normalised, and only when all the institutions they find are in one country.
// Indexes are built once per lookup, per country, on the country's first row. Pure.
import type { CityGazetteer } from './cities';
import { decodeNames, type InstitutionGazetteer } from './institution-asset';
import {
  add,
  formOf,
  type Entry,
  editDistance,
  mergedIndex,
  type NameIndex,
  nameIndex,
  nearWords,
  type ReadingIndex,
  readingIndex,
  signatureOf,
  type TypoIndex,
  typoIndex,
} from './institution-index';
import type { InstitutionCandidate, InstitutionLookup, InstitutionMatch, MatchHow } from './institution-lookup';
import { basicFold, CJK, categoryDistance, hanFolder, isGenericWord, japaneseReading, type NameForm, words } from './institution-names';
import { countryNames } from './countries';
import { KATAKANA_RUN } from './kana';

/** An alias of capitals (and digits, &, -), at most 8 of them: an acronym. */
const ACRONYM = /^[A-Z][A-Z0-9&-]{1,7}$/;

/** What the lookup needs of a built-in institution (the dataset's Institution). */
export interface BuiltinInstitution {
  id: string;
  name: { ja: string; en: string };
  aliases: readonly string[];
  country: string;
  city: { en: string; ja?: string | undefined };
  lat: number;
  lng: number;
  geonameId?: number | undefined;
}

export interface InstitutionLookupOptions {
  /** The built-in dataset's institutions. */
  builtins?: readonly BuiltinInstitution[];
  /** The city gazetteer: readings are compared with its city names too. */
  cities?: CityGazetteer;
}

/** Candidates listed at most with an ambiguous match. */
const MAX_CANDIDATES = 10;
/** Readings whose spelling differs from a name's in more than this share of its letters are not that name. */
const MAX_SPELLING_DISTANCE = 0.6;
/** A ROR record within this distance of a built-in institution of the same name is that institution. */
const SAME_PLACE_KM = 50;

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function rorEntries(gazetteer: InstitutionGazetteer | null, country: string): Entry[] {
  const block = gazetteer?.countries[country];
  if (!gazetteer || !block) return [];
  const entries: Entry[] = [];
  block.names.forEach((joined, i) => {
    const city = gazetteer.cities[block.city[i] ?? -1];
    if (!city) return;
    const names = decodeNames(joined);
    const ja = names.find((n) => n.kind === 'label' && n.lang === 'ja')?.value;
    const [cityName, lat, lng, geonameId] = city;
    const candidate: InstitutionCandidate = {
      id: block.ids.slice(i * 9, i * 9 + 9),
      name: ja ? { en: names[0]?.value ?? '', ja } : { en: names[0]?.value ?? '' },
      city: { en: cityName },
      country,
      lat,
      lng,
      geonameId,
    };
    entries.push({ candidate, names, builtin: false });
  });
  return entries;
}

function builtinEntry(b: BuiltinInstitution): Entry {
  const candidate: InstitutionCandidate = {
    id: b.id,
    name: { en: b.name.en, ja: b.name.ja },
    city: b.city.ja ? { en: b.city.en, ja: b.city.ja } : { en: b.city.en },
    country: b.country,
    lat: b.lat,
    lng: b.lng,
    ...(b.geonameId ? { geonameId: b.geonameId } : {}),
  };
  const names: Entry['names'] = [
    { value: b.name.en, kind: 'display' },
    { value: b.name.ja, kind: 'display' },
    // A curated alias in capitals (LSE, KAIST, UNAM) is an acronym, as ROR marks its own: it is not read aloud as a
    // name (リーズ sounded like "LSE" and took the University of Leeds's partners to the LSE).
    ...b.aliases.map((value) => ({ value, kind: ACRONYM.test(value) ? ('acronym' as const) : ('alias' as const) })),
  ];
  // A curated name with its place in brackets (ワシントン大学 (シアトル)) is also an alias without them.
  for (const name of [b.name.ja, b.name.en, ...b.aliases]) {
    const bare = name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '');
    if (bare !== name && bare) names.push({ value: bare, kind: 'alias' });
  }
  return { candidate, names, builtin: true };
}

/** The country's entries and their name index: ROR's, with those that are a built-in institution folded into it. */
function countryEntries(
  gazetteer: InstitutionGazetteer | null,
  builtins: readonly BuiltinInstitution[],
  country: string,
  fold: (t: string) => string,
): { entries: Entry[]; names: NameIndex } {
  const ror = rorEntries(gazetteer, country);
  const index = nameIndex(ror, fold);
  // A name that carries its country ("Universiti Putra Malaysia") is also found without it ("University of Putra").
  const countryWords = new Set(words(countryNames(country)?.en ?? ''));
  if (countryWords.size > 0)
    for (const entry of ror)
      for (const name of entry.names) {
        const form = name.kind === 'acronym' ? null : formOf(name);
        if (!form?.core.some((w) => countryWords.has(w)) || form.core.every((w) => countryWords.has(w))) continue;
        add(
          index.signature,
          form.signature
            .split(' ')
            .filter((t) => !countryWords.has(t))
            .join(' '),
          entry,
        );
      }
  const own = builtins.filter((b) => b.country === country).map(builtinEntry);
  if (own.length === 0) return { entries: ror, names: index };
  const keysOf = (name: Entry['names'][number]) => {
    const folded = basicFold(name.value);
    const keys: [Map<string, Entry[]>, string][] = [[name.kind === 'display' ? index.exact : index.alias, folded]];
    if (name.kind !== 'acronym') keys.push([index.signature, signatureOf(name.value, fold, formOf(name))]);
    return keys;
  };
  const merged = new Set<Entry>();
  for (const entry of own) {
    const same = new Set<Entry>();
    for (const name of entry.names) {
      const folded = basicFold(name.value);
      for (const e of [...(index.exact.get(folded) ?? []), ...(index.alias.get(folded) ?? []), ...(index.signature.get(signatureOf(name.value, fold)) ?? [])])
        if (!e.builtin && (e.candidate.geonameId === entry.candidate.geonameId || distanceKm(e.candidate, entry.candidate) < SAME_PLACE_KM)) same.add(e);
    }
    // The ROR record's names become the built-in institution's, in the index too.
    for (const e of same) {
      merged.add(e);
      for (const name of e.names)
        for (const [map, key] of keysOf(name))
          map.set(
            key,
            (map.get(key) ?? []).filter((x) => x !== e),
          );
      entry.names.push(...e.names.map((n) => (n.kind === 'display' ? { value: n.value, kind: 'alias' as const } : n)));
    }
    for (const name of entry.names) for (const [map, key] of keysOf(name)) add(map, key, entry);
  }
  const entries = [...own, ...ror.filter((e) => !merged.has(e))];
  for (const map of [index.exact, index.alias, index.signature]) for (const [key, list] of map) if (list.length === 0) map.delete(key);
  return { entries, names: { ...index, entries } };
}

interface CountryIndexes {
  entries: Entry[];
  names: NameIndex;
  reading?: ReadingIndex;
  typo?: TypoIndex;
  /** Display names less their place ("Washington University" of "… in St. Louis"), built when first asked. */
  placeless?: Map<string, Entry[]>;
}

function result(found: readonly Entry[], how: MatchHow): InstitutionMatch {
  // A built-in institution wins over ROR records of the same name.
  const own = found.filter((e) => e.builtin);
  const chosen = own.length === 1 ? own : found;
  const candidates = chosen.slice(0, MAX_CANDIDATES).map((e) => e.candidate);
  return { match: chosen.length === 1 ? (candidates[0] ?? null) : null, candidates, how };
}

export function createInstitutionLookup(gazetteer: InstitutionGazetteer | null, options: InstitutionLookupOptions = {}): InstitutionLookup {
  const builtins = options.builtins ?? [];
  const fold = hanFolder(gazetteer?.hanVariants ?? []);
  const countries = new Map<string, CountryIndexes>();
  const allCountries = () => new Set([...Object.keys(gazetteer?.countries ?? {}), ...builtins.map((b) => b.country)]);

  const indexesOf = (country: string | null): CountryIndexes => {
    const key = country ?? '*';
    let found = countries.get(key);
    if (found) return found;
    if (country) found = countryEntries(gazetteer, builtins, country, fold);
    else {
      // Every country's index, each kept for the rows of that country, merged rather than built again.
      const names = mergedIndex([...allCountries()].map((c) => indexesOf(c).names));
      found = { entries: names.entries, names };
    }
    countries.set(key, found);
    return found;
  };

  const byReading = (name: string, country: string, idx: CountryIndexes): InstitutionMatch | null => {
    const reading = japaneseReading(name);
    if (!reading) return null;
    idx.reading ??= readingIndex(idx.entries, options.cities, country);
    const best = (scored: { entry: Entry; d: number }[], limit: number) => {
      const min = Math.min(...scored.map((s) => s.d));
      return min <= limit ? scored.filter((s) => s.d === min).map((s) => s.entry) : [];
    };
    const long = reading.key.replace('_', '').length >= 2;
    // Keys agree, and the spellings are not too far apart (ハワイマノア and Wyoming share a key, not a spelling).
    const direct = (long ? (idx.reading.names.get(reading.key) ?? []) : [])
      .map((x) => ({
        entry: x.entry,
        d: Math.min(...x.categories.map((c) => categoryDistance(reading.categories, c))),
        spelling: editDistance(reading.romaji, x.letters, 99),
      }))
      .filter((x) => x.spelling <= MAX_SPELLING_DISTANCE * Math.max(reading.romaji.length, 1));
    let byName = best(direct, 1);
    // Names that sound alike (トロント: Toronto, Trent; レンヌ: Rennes, Lyon): those spelt closest to the romaji.
    if (byName.length > 1) {
      const spelt = direct.filter((x) => byName.includes(x.entry));
      const closest = Math.min(...spelt.map((x) => x.spelling));
      byName = [...new Set(spelt.filter((x) => x.spelling === closest).map((x) => x.entry))];
    }
    if (byName.length > 0) return result(byName, 'reading');
    // The reading of a city of the country (or its curated Japanese name): that city's one institution of the kinds the name says.
    const kana = (name.normalize('NFKC').match(KATAKANA_RUN) ?? []).join('');
    const cities = new Set([...(idx.reading.cities.get(reading.key) ?? []), ...(idx.reading.cities.get(`ja:${basicFold(kana)}`) ?? [])]);
    const inCity = [...cities].flatMap((c) => idx.reading?.byCity.get(c) ?? []);
    // A name that is the city's alone ("University of Munich") counts a little more than one that also names it.
    const score = (form: NameForm | null) =>
      form ? categoryDistance(reading.categories, form.categories) - (cities.has(form.core.join('')) ? 0.25 : 0) : Number.POSITIVE_INFINITY;
    const scored = inCity.map((entry) => ({ entry, d: Math.min(...entry.names.filter((n) => n.kind !== 'acronym').map((n) => score(formOf(n)))) }));
    const byCity = best(scored, 0.5);
    return byCity.length > 0 ? result(byCity, 'reading') : null;
  };

  const byTypo = (name: string, idx: CountryIndexes): InstitutionMatch | null => {
    if (CJK.test(name)) return null;
    idx.typo ??= typoIndex(idx.entries);
    const typo = idx.typo;
    const tokens = words(name);
    const allowed = basicFold(name).length >= 20 ? 2 : 1;
    let corrected = 0;
    const fixed: string[] = [];
    for (const token of tokens) {
      if (typo.words.has(token) || token.length < 4 || isGenericWord(token)) {
        fixed.push(token);
        continue;
      }
      const near = nearWords(typo, token);
      if (near.length !== 1 || ++corrected > allowed) return null;
      fixed.push(...near);
    }
    if (corrected === 0) return null;
    const found = idx.names.signature.get(signatureOf(fixed.join(' '), fold));
    return found ? result(found, 'typo') : null;
  };

  // Without a country, a name decides the country only when every institution it fits, by any rule, is in one country
  // (東海大学: Tokai in Japan and Tunghai in Taiwan; 嶺南大学: Lingnan in Hong Kong, Yeungnam in Korea): else ambiguous.
  const anyCountry = (name: string, folded: string, idx: CountryIndexes): InstitutionMatch | null => {
    const signature = signatureOf(name, fold);
    const found: [Entry[] | undefined, MatchHow][] = [
      [idx.names.exact.get(folded), 'exact'],
      [idx.names.alias.get(folded), 'alias'],
      // 国立中央大学 is the National Central University: the signature, which drops 国立, would add Chuo University.
      [signature && !/^[国國]立/u.test(name) ? idx.names.signature.get(signature) : undefined, 'normalised'],
    ];
    const first = found.find(([entries]) => entries && entries.length > 0);
    if (!first?.[0]) return null;
    const all = [...new Set(found.flatMap(([entries]) => entries ?? []))];
    if (new Set(all.map((e) => e.candidate.country)).size > 1)
      return { match: null, candidates: all.slice(0, MAX_CANDIDATES).map((e) => e.candidate), how: first[1] };
    return result(first[0], first[1]);
  };

  // A name that is an institution's name less its place ("Washington University" of "Washington University in St.
  // Louis", "X University at Y") is that institution: before the signature, which would make it the University of Washington.
  const withPlace = (folded: string, idx: CountryIndexes): Entry[] => {
    if (!idx.placeless) {
      idx.placeless = new Map();
      for (const entry of idx.entries)
        for (const n of entry.names) {
          const m = n.kind === 'display' ? /^(.+?)\s+(?:in|at)\s+\p{Lu}/u.exec(n.value) : null;
          if (m?.[1]) add(idx.placeless, basicFold(m[1]), entry);
        }
    }
    return idx.placeless.get(folded) ?? [];
  };

  const lookupOnce = (name: string, country: string | null): InstitutionMatch | null => {
    const idx = indexesOf(country);
    if (idx.entries.length === 0) return null;
    const folded = basicFold(name);
    if (!folded) return null;
    if (!country) return anyCountry(name, folded, idx);
    const exact = idx.names.exact.get(folded);
    if (exact) return result(exact, 'exact');
    const alias = idx.names.alias.get(folded);
    if (alias) return result(alias, 'alias');
    const signature = signatureOf(name, fold);
    const normalised = signature ? idx.names.signature.get(signature) : undefined;
    const placed = country ? withPlace(folded, idx) : [];
    if (placed.length > 0) return result(placed, 'normalised');
    if (normalised) return result(normalised, 'normalised');
    return byReading(name, country, idx) ?? byTypo(name, idx);
  };

  // Lists name a partner on many rows: each name is looked up once per country.
  const seen = new Map<string, InstitutionMatch | null>();
  const lookupAll = (name: string, code: string | null): InstitutionMatch | null => {
    const found = lookupOnce(name, code);
    if (found) return found;
    // What a list adds to a name: an acronym or other name in brackets ("Korea Institute of Science and Technology
    // (KIST)"), a sub-unit after a comma ("Peking University, School of International Studies").
    const bracket = /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/u.exec(name);
    if (bracket?.[1] && bracket[2]) return lookupOnce(bracket[1], code) ?? lookupOnce(bracket[2], code);
    // … or before it, after a dash ("METU – Middle East Technical University", "CELF - Center for …").
    const dash = /^([^–—-]+?)\s+[–—-]\s+(.+)$/u.exec(name);
    if (dash?.[1] && dash[2]) return lookupOnce(dash[2], code) ?? lookupOnce(dash[1], code);
    const comma = name.search(/[,，、]/u);
    return comma > 0 ? lookupOnce(name.slice(0, comma), code) : null;
  };
  const lookup: InstitutionLookup = (name, country) => {
    const code = country?.toUpperCase() ?? null;
    const key = `${code ?? ''}\u0000${name}`;
    let found = seen.get(key);
    if (found === undefined) {
      found = lookupAll(name, code);
      seen.set(key, found);
    }
    return found;
  };
  // Universitas Muhammadiyah Surakarta filed under Singapore: it is Indonesia's, and no Singaporean institution has
  // that name. Exact, alias and normalised matches only, every country's (the row's own included: then it is not one).
  lookup.elsewhere = (name, country) => {
    if (ACRONYM.test(name.trim())) return null;
    const found = lookup(name, null);
    return found?.match && found.match.country !== country.toUpperCase() ? found : null;
  };
  return lookup;
}
