import { createSampler, normalQuantile, type Rng, type Sampler } from '../kernel/index.js';
import type { ClosureCause, CorridorParams } from './params.js';

/** One day's weather at the pass and at Sost. */
export interface DayWeather {
  readonly month: number; // 1–12
  readonly passTempC: number;
  readonly sostTempC: number;
  readonly snowfallCm: number;
  /** What shuts the road today, if anything, and when in the day (hours after midnight PKT). */
  readonly closure: { readonly cause: ClosureCause; readonly atHour: number; readonly stormHours: number; readonly work: number } | null;
}

/**
 * Draws a day's weather for a month from the `weather` stream, with a fixed number of draws
 * per day whatever happens, so weather stays in step across scenarios that share a seed.
 */
export function createWeatherDrawer(params: CorridorParams): (rng: Rng, month: number) => DayWeather {
  const { weather } = params;
  const snowfall: Sampler[] = weather.months.map((m) => createSampler(m.snowfallCm));
  const stormHours = createSampler(weather.stormHours);
  const avalancheWork = createSampler(weather.clearingWork.avalanche);
  const landslideWork = createSampler(weather.clearingWork.landslide);
  return (rng, month) => {
    const m = weather.months[month - 1];
    const passTempC = m.passTempC.mean + m.passTempC.sd * normalQuantile(rng.nextOpen());
    const sostTempC = m.sostTempC.mean + m.sostTempC.sd * normalQuantile(rng.nextOpen());
    const snowDay = rng.next() < m.snowDayProbability;
    const cm = snowfall[month - 1](rng);
    const avalanche = rng.next() < m.avalancheProbability;
    const landslide = rng.next() < m.landslideProbability;
    const atHour = 24 * rng.next();
    const storm = stormHours(rng);
    const avalancheUnits = avalancheWork(rng);
    const landslideUnits = landslideWork(rng);
    const snowfallCm = snowDay ? cm : 0;
    const heavySnow = snowfallCm >= weather.closureSnowfallCm;
    let work = 0;
    if (heavySnow) work += snowfallCm * weather.clearingWork.snowPerCm;
    if (avalanche) work += avalancheUnits;
    if (landslide) work += landslideUnits;
    const cause: ClosureCause | null = heavySnow ? 'snow' : avalanche ? 'avalanche' : landslide ? 'landslide' : null;
    return {
      month,
      passTempC,
      sostTempC,
      snowfallCm,
      closure: cause === null ? null : { cause, atHour, stormHours: heavySnow ? storm : 0, work },
    };
  };
}

/**
 * Examination productivity by temperature: linear between the points, flat beyond them.
 * The points are sorted once here; the curve is read at every examination start.
 */
export function createProductivityCurve(points: CorridorParams['heating']['productivityByTempC']): (tempC: number) => number {
  const sorted = [...points].sort((a, b) => a.tempC - b.tempC);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return (tempC) => {
    if (tempC <= first.tempC) return first.factor;
    if (tempC >= last.tempC) return last.factor;
    let i = 1;
    while (sorted[i].tempC < tempC) i++;
    const lo = sorted[i - 1];
    const hi = sorted[i];
    return lo.factor + ((tempC - lo.tempC) / (hi.tempC - lo.tempC)) * (hi.factor - lo.factor);
  };
}
