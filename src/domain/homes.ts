// A dataset's homes (the universities whose agreements it lists): the one home of a one-home dataset, and homes by id.
// Texts that name "the home" (Lines from X, About, slides, export names) use soleHome, and speak of the network when
// it is null.
import type { Dataset, Home, HomePlace } from './schema';

/** The home of a one-home dataset; null when the dataset has several. */
export function soleHome(dataset: Pick<Dataset, 'homes'>): Home | null {
  return dataset.homes.length === 1 ? dataset.homes[0]! : null;
}

/** The dataset's homes by id. */
export function homeById(dataset: Pick<Dataset, 'homes'>): ReadonlyMap<string, Home> {
  return new Map(dataset.homes.map((h) => [h.id, h]));
}

/** A home from its place, with the given departments (an imported list's home: every department it names). */
export function homeOf(place: HomePlace, departmentIds: readonly string[]): Home {
  const { id, name, city, country, lat, lng, geonameId } = place;
  return { id, name, city, country, lat, lng, ...(geonameId === undefined ? {} : { geonameId }), departmentIds: [...departmentIds] };
}

/** The dataset as one home's list: `homes` is that home (with every department), and every agreement is its. */
export function withSoleHome<D extends Pick<Dataset, 'homes' | 'agreements' | 'departments'>>(dataset: D, place: HomePlace): D {
  const home = homeOf(
    place,
    dataset.departments.map((d) => d.id),
  );
  const agreements = dataset.agreements.map((a) => (a.homeId === home.id ? a : { ...a, homeId: home.id }));
  return { ...dataset, homes: [home], agreements };
}
