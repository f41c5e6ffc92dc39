import { describe, expect, test } from 'vitest';
import { loadScenario, validateFiles } from '../../src/scenario/index.js';
import { BUNDLED, bundledPath, expectOk } from './helpers.js';

describe('bundled scenarios', () => {
  test.each(BUNDLED)('%s loads and validates', (file) => {
    const scenario = expectOk(loadScenario(bundledPath(file)));
    expect(scenario.name).toBe(file.replace(/\.yaml$/, ''));
    expect(scenario.warmupDays).toBeLessThan(scenario.days);
    expect(scenario.arrivals.vehiclesPerDayByMonth).toHaveLength(12);
    expect(scenario.weather.months).toHaveLength(12);
  });

  test('each child scenario lists its extends chain as sources, root first', () => {
    const result = loadScenario(bundledPath('winter-2025-unheated.yaml'));
    expect(result.ok && result.sources).toEqual([
      bundledPath('base.yaml'),
      bundledPath('winter-2025.yaml'),
      bundledPath('winter-2025-unheated.yaml'),
    ]);
  });

  test('the horizons are the documented date ranges, end inclusive', () => {
    const horizon = (file: string) => {
      const s = expectOk(loadScenario(bundledPath(file)));
      return [s.start, s.days, s.warmupDays];
    };
    expect(horizon('summer-2025.yaml')).toEqual(['2025-06-01', 92, 7]);
    expect(horizon('winter-2025.yaml')).toEqual(['2025-12-01', 90, 7]);
    expect(horizon('year-2025.yaml')).toEqual(['2025-01-01', 365, 7]);
    expect(horizon('seasonal-2019.yaml')).toEqual(['2019-01-01', 365, 7]);
  });

  test('winter-2025-unheated equals winter-2025 except heating.sostHeated, name, description and the rows it claims', () => {
    const winter = expectOk(loadScenario(bundledPath('winter-2025.yaml')));
    const unheated = expectOk(loadScenario(bundledPath('winter-2025-unheated.yaml')));
    expect(winter.heating.sostHeated).toBe(true);
    expect(unheated.heating.sostHeated).toBe(false);
    expect(unheated.name).toBe('winter-2025-unheated');
    expect({
      ...unheated,
      name: winter.name,
      description: winter.description,
      heating: { ...unheated.heating, sostHeated: true },
      observed: { ...unheated.observed, claims: winter.observed.claims },
    }).toEqual(winter);
  });

  test('a child scenario differs from base.yaml only in what it gives', () => {
    const base = expectOk(loadScenario(bundledPath('base.yaml')));
    const summer = expectOk(loadScenario(bundledPath('summer-2025.yaml')));
    expect({ ...summer, name: base.name, description: base.description, start: base.start, days: base.days, observed: { ...summer.observed, claims: base.observed.claims } }).toEqual(base);
  });

  test('year-2025 closes the Pakistan calendar for the traders\' sit-in and keeps the other calendars open', () => {
    const year = expectOk(loadScenario(bundledPath('year-2025.yaml')));
    expect(year.calendars.pakistan.closures).toEqual([
      { from: '2025-07-21', to: '2025-09-27', reason: "traders' sit-in at Sost Dry Port" },
    ]);
    expect(year.calendars.banks.closures).toBeUndefined();
    expect(year.calendars.pakistan.hours).toEqual([{ from: '09:00', to: '17:00' }]);
  });

  test('seasonal-2019 runs the seasonal regime with no demand from December to March', () => {
    const seasonal = expectOk(loadScenario(bundledPath('seasonal-2019.yaml')));
    expect(seasonal.regime).toBe('seasonal');
    expect(seasonal.seasonalClosure).toEqual({ from: '12-01', to: '03-31' });
    const perDay = seasonal.arrivals.vehiclesPerDayByMonth;
    expect([perDay[0], perDay[1], perDay[2], perDay[11]]).toEqual([0, 0, 0, 0]);
    expect(perDay[6]).toBeGreaterThan(0);
  });

  test('base.yaml carries the domain defaults the brief names', () => {
    const base = expectOk(loadScenario(bundledPath('base.yaml')));
    expect(base.route.kashgarToTashkurgan.km).toBe(290);
    expect(base.route.passToSost).toEqual({ km: 86, speedKmh: { clear: 35, snow: 20 } });
    expect(base.sost.channelShares).toEqual({ green: 0.45, yellow: 0.35, red: 0.2 });
    expect(base.sost.assessment).toEqual({ type: 'constant', value: 0.25 });
    expect(base.sost.documentCheckWait).toEqual({ type: 'lognormal', median: 8, p90: 30 });
    expect(base.holds.probability).toBe(0.07);
    expect(base.calendars.china.timeZone).toBe('Asia/Shanghai');
    expect(base.heating.productivityByTempC.map((p) => p.tempC)).toEqual([-15, -10, -5, 0]);
  });

  test('validateFiles prints one ok line per valid file', () => {
    const result = validateFiles(BUNDLED.map(bundledPath));
    expect(result.ok).toBe(true);
    expect(result.lines).toHaveLength(BUNDLED.length);
    for (const line of result.lines) expect(line).toMatch(/: ok \(/);
    expect(result.lines[1]).toBe(`${bundledPath('summer-2025.yaml')}: ok (summer-2025, 92 days from 2025-06-01)`);
  });
});
