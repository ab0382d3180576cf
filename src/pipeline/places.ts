// Checks that a curated place is the gazetteer place it names, and that a pin lies near its stated campus.
import { distanceKm } from './borders';
import type { Coordinate, Located } from './curation';
import { PipelineError } from './errors';
import type { Gazetteer, GazetteerPlace } from './gazetteer';

/** A pin farther than this from its stated campus is the wrong place (a city centre 56 km from the campus). */
export const CAMPUS_TOLERANCE_KM = 25;

/** Administrative suffixes GeoNames adds to some names (Gyeongsan-si, Taoyuan City, Jiayi Shi). */
const SUFFIX = / (si|shi|city)$/;

/** Case, accents, apostrophes (Xi’an), hyphens and spaces do not matter; "Gyeongsan-si" is "Gyeongsan". */
export function foldPlaceName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  return words.replace(SUFFIX, '').replace(/ /g, '');
}

/** True when `label` is the place's name or one of its alternate names, folded. */
export function namesPlace(label: string, place: GazetteerPlace): boolean {
  const folded = foldPlaceName(label);
  return [place.name, ...(place.altName ?? '').split(',')].some((name) => name.trim() !== '' && foldPlaceName(name) === folded);
}

/**
 * The city label must name the gazetteer place, so that a mistyped GeoNames id (Berlin's for Saarbrücken) stops here.
 * Where the label deliberately differs (Gothenburg for GeoNames' Göteborg, Hong Kong for Sai Kung), the row states
 * the gazetteer's name in gazetteer_name, which must then name the place instead.
 */
export function checkCityLabel(row: Located, cityEn: string, gazetteerName: string | null, place: GazetteerPlace): void {
  const id = `GeoNames ${place.geonameId} (${place.name})`;
  if (gazetteerName === null) {
    if (!namesPlace(cityEn, place))
      throw new PipelineError(
        row.file,
        row.row,
        `city_en "${cityEn}" does not name ${id}: fix geoname_id (npm run find-city), or, where the label deliberately differs, give the gazetteer's name in gazetteer_name`,
      );
    return;
  }
  if (!namesPlace(gazetteerName, place)) throw new PipelineError(row.file, row.row, `gazetteer_name "${gazetteerName}" does not name ${id}`);
  if (namesPlace(cityEn, place))
    throw new PipelineError(row.file, row.row, `gazetteer_name "${gazetteerName}" is not needed: city_en "${cityEn}" already names ${id}`);
}

/** The pin is within CAMPUS_TOLERANCE_KM of the stated campus; with pin = campus, no gazetteer place may be that near. */
export function checkCampus(
  row: Located,
  place: GazetteerPlace,
  campus: Coordinate,
  pinAtCampus: boolean,
  gazetteer: Gazetteer,
  countries: readonly string[],
): void {
  const at = `${campus.lat},${campus.lng}`;
  if (!pinAtCampus) {
    const km = distanceKm(place, campus);
    if (km > CAMPUS_TOLERANCE_KM)
      throw new PipelineError(
        row.file,
        row.row,
        `GeoNames ${place.geonameId} (${place.name}) is ${Math.round(km)} km from the stated campus ${at} (more than ${CAMPUS_TOLERANCE_KM} km): pin a gazetteer place near the campus, or set pin to "campus" where none is near`,
      );
    return;
  }
  let nearest: { place: GazetteerPlace; km: number } | null = null;
  for (const candidate of gazetteer.values()) {
    if (!countries.includes(candidate.country)) continue;
    const km = distanceKm(candidate, campus);
    if (!nearest || km < nearest.km) nearest = { place: candidate, km };
  }
  if (nearest && nearest.km <= CAMPUS_TOLERANCE_KM)
    throw new PipelineError(
      row.file,
      row.row,
      `pin "campus", but GeoNames ${nearest.place.geonameId} (${nearest.place.name}) lies ${Math.round(nearest.km)} km from the campus ${at}: pin it by geoname_id instead`,
    );
}
