// The synthetic national list's homes (issue 28): where Japan's universities are, not at random points in a box.
import { describe, expect, it } from 'vitest';
import { japanHomes } from '../../scripts/japan-homes';

describe('japanHomes', () => {
  const homes = japanHomes(770);

  it('gives 770 distinct homes, the real universities first, all on Japanese cities', () => {
    expect(homes).toHaveLength(770);
    expect(new Set(homes.map((h) => h.name.ja)).size).toBe(770);
    expect(new Set(homes.map((h) => h.name.en)).size).toBe(770);
    expect(homes.filter((h) => h.real).length).toBeGreaterThan(300);
    expect(homes.map((h) => h.name.ja)).toContain('京都大学');
    // Japan's main islands and Okinawa; no home in the sea south-east of Honshu (the old box reached 31.5–43 N, 130–142 E).
    for (const h of homes) {
      expect(h.geonameId).toBeGreaterThan(0);
      expect(h.lat).toBeGreaterThan(24);
      expect(h.lat).toBeLessThan(46);
      expect(h.lng).toBeGreaterThan(122);
      expect(h.lng).toBeLessThan(146);
    }
  });

  it('puts many homes in the big university cities and is deterministic', () => {
    const inCity = (geonameId: number) => homes.filter((h) => h.geonameId === geonameId).length;
    expect(inCity(1850147)).toBeGreaterThanOrEqual(60); // Tokyo
    for (const city of [1853909, 1857910, 1856057, 1863967, 2128295, 2111149]) expect(inCity(city)).toBeGreaterThanOrEqual(10); // Osaka, Kyoto, Nagoya, Fukuoka, Sapporo, Sendai
    expect(new Set(homes.map((h) => h.geonameId)).size).toBeGreaterThan(100);
    expect(japanHomes(770).map((h) => h.name.en)).toEqual(homes.map((h) => h.name.en));
  });
});
