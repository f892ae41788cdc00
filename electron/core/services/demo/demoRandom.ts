import { fakerZH_CN as faker } from '@faker-js/faker';
import { builtinDictionaries } from '../../../../shared/domain/dictionaries/index.js';

/** The demo's one source of chance: faker, seeded by the caller, so the same seed gives the same station. */
export { faker };

export const pick = <T>(items: readonly T[]): T => items[faker.number.int({ min: 0, max: items.length - 1 })]!;
export const chance = (probability: number): boolean => faker.datatype.boolean(probability);
export const between = (min: number, max: number): number => faker.number.int({ min, max });

export const codes = (dictionary: keyof typeof builtinDictionaries) => builtinDictionaries[dictionary].map(([code]) => code);

/** A wall-clock time at the station (the PC's time zone, as `localDay` reads it), plus minutes, as an ISO instant. */
export function stationInstant(day: string, time: string, plusMinutes = 0): string {
  return new Date(new Date(`${day}T${time}:00`).getTime() + plusMinutes * 60_000).toISOString();
}

/** The earlier of an instant and a bound, for times that must not pass the demo's "now". */
export const notAfter = (iso: string, bound: Date): string => (new Date(iso) > bound ? bound.toISOString() : iso);
