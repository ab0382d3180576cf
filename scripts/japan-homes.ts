// Home universities for the synthetic national list (issue 28): placed where Japan's universities are, not at random
// points in a box. First the real ones: the institution gazetteer's Japanese universities (ROR education records whose
// Japanese name has 大学, junior colleges and academies left out), each at its ROR city, pinned by GeoNames id. Then, to
// reach the survey's ~770, synthetic ones (仙台経済大学 …) at the cities of scripts/japan-university-cities.csv,
// pinned by GeoNames id in the city gazetteer and drawn by that table's weights, so Tokyo, Osaka, Kyoto, Nagoya,
// Fukuoka, Sapporo and Sendai hold many homes each, as in reality. Deterministic (seeded).
import { readFileSync } from 'node:fs';
import { randomLcg } from 'd3';
import { readTable } from '../src/pipeline/csv';
import { type GazetteerCity, loadCities, loadGazetteer } from '../src/pipeline/gazetteer';

export interface JapanHome {
  name: { ja: string; en: string };
  city: { ja?: string; en: string };
  geonameId: number;
  lat: number;
  lng: number;
  /** True for a university of the institution gazetteer (its name is real); false for a synthetic one. */
  real: boolean;
}

const CITIES_CSV = 'scripts/japan-university-cities.csv';
const INSTITUTIONS = 'data/gazetteer/institutions.json';
const BUILT_IN = 'data/agreements.json';
const LEFT_OUT = /短期大学|大学校|高等専門学校|機構|法人/;
/** Kinds of synthetic university, after the city's name. */
const KINDS: readonly (readonly [ja: string, en: string])[] = [
  ['経済大学', 'University of Economics'],
  ['工業大学', 'Institute of Technology'],
  ['医科大学', 'Medical University'],
  ['学院大学', 'Gakuin University'],
  ['女子大学', "Women's University"],
  ['外国語大学', 'University of Foreign Studies'],
  ['看護大学', 'College of Nursing'],
  ['芸術大学', 'University of the Arts'],
  ['国際大学', 'International University'],
  ['教育大学', 'University of Education'],
  ['理科大学', 'University of Science'],
  ['商科大学', 'University of Commerce'],
  ['福祉大学', 'University of Social Welfare'],
  ['薬科大学', 'Pharmaceutical University'],
  ['情報大学', 'University of Information Sciences'],
  ['体育大学', 'University of Sport Science'],
  ['農業大学', 'University of Agriculture'],
  ['歯科大学', 'Dental University'],
  ['音楽大学', 'College of Music'],
  ['美術大学', 'Art University'],
  ['工科大学', 'University of Technology'],
  ['保健医療大学', 'University of Health Sciences'],
  ['文化大学', 'Bunka University'],
  ['家政大学', 'Kasei University'],
];

interface Asset {
  cities: [name: string, lat: number, lng: number, geonameId: number][];
  countries: Record<string, { types: string; names: string[]; city: number[] }>;
}

/** The gazetteer's Japanese universities with a Japanese name and a city, in the asset's order. */
export function realJapaneseUniversities(asset: Asset = JSON.parse(readFileSync(INSTITUTIONS, 'utf8'))): JapanHome[] {
  const block = asset.countries.JP;
  if (!block) return [];
  const out: JapanHome[] = [];
  // A name the built-in list gives an institution abroad (テンプル大学: Temple University, Philadelphia) is left out:
  // the import would take the home for that institution.
  const builtIn = JSON.parse(readFileSync(BUILT_IN, 'utf8')) as { institutions: { name: { ja: string; en: string }; country: string }[] };
  const seen = new Set(builtIn.institutions.filter((i) => i.country !== 'JP').flatMap((i) => [i.name.ja, i.name.en]));
  block.names.forEach((joined, i) => {
    const cityNo = block.city[i]!;
    if (block.types[i] !== 'e' || cityNo < 0) return;
    const names = joined.split('|');
    const ja = names.find((n) => n.startsWith('~ja~'))?.slice(4);
    if (!ja?.includes('大学') || LEFT_OUT.test(ja) || seen.has(ja) || seen.has(names[0]!)) return;
    seen.add(ja);
    const [city, lat, lng, geonameId] = asset.cities[cityNo]!;
    out.push({ name: { ja, en: names[0]! }, city: { en: city }, geonameId, lat, lng, real: true });
  });
  return out;
}

/** The table's cities, each pinned to its gazetteer point, with its weight. */
export function universityCities(cities: readonly GazetteerCity[] = loadCities()) {
  const gazetteer = loadGazetteer(cities);
  return readTable({ path: CITIES_CSV, text: readFileSync(CITIES_CSV, 'utf8') }, ['geonameId', 'ja', 'en', 'universities', 'note']).map((row) => {
    const geonameId = Number(row.get('geonameId'));
    const place = gazetteer.get(geonameId);
    if (place?.country !== 'JP') throw new Error(`${CITIES_CSV}:${row.line}: GeoNames ${geonameId} is not a Japanese city in the gazetteer`);
    return { geonameId, ja: row.get('ja'), en: row.get('en'), weight: Number(row.get('universities')), lat: place.lat, lng: place.lng };
  });
}

/**
 * `count` homes: the real universities first (all of them, or the first `count` in a seeded shuffle), then synthetic
 * ones at the table's cities by weight. Names are distinct in both languages.
 */
export function japanHomes(count: number, seed = 7): JapanHome[] {
  const random = randomLcg(seed);
  const real = realJapaneseUniversities();
  // A seeded shuffle, so that a smaller count still spreads over Japan.
  for (let i = real.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [real[i], real[j]] = [real[j]!, real[i]!];
  }
  const homes = real.slice(0, count);
  const names = new Set(homes.flatMap((h) => [h.name.ja, h.name.en]));
  const cities = universityCities();
  const total = cities.reduce((sum, c) => sum + c.weight, 0);
  const cityAt = (x: number) => {
    let rest = x * total;
    for (const c of cities) if ((rest -= c.weight) < 0) return c;
    return cities[cities.length - 1]!;
  };
  for (let tries = 0; homes.length < count && tries < count * 100; tries += 1) {
    const city = cityAt(random());
    const [kindJa, kindEn] = KINDS[Math.floor(random() * KINDS.length)]!;
    const ja = `${city.ja}${kindJa}`;
    const en = `${city.en} ${kindEn}`;
    if (names.has(ja) || names.has(en)) continue;
    names.add(ja);
    names.add(en);
    homes.push({ name: { ja, en }, city: { ja: city.ja, en: city.en }, geonameId: city.geonameId, lat: city.lat, lng: city.lng, real: false });
  }
  return homes;
}
