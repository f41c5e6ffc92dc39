import { describe, expect, test } from 'vitest';
import { renderRunReport } from '../../src/cli/render/index.js';
import { emptyReport, makeReport, winterReport } from './fixtures.js';
import { flat, hasAnsi, NON_FIGURES, overlong, plain } from './support.js';

const plainOptions = { width: 100, color: false };

describe('renderRunReport', () => {
  test('opens with a title block naming scenario, description, start, days, warm-up, seed and replications, and the day convention once', () => {
    const text = flat(renderRunReport(winterReport(), plainOptions));
    expect(text).toContain('scenario report: winter-2025');
    expect(text).toContain('Winter season on the year-round regime');
    expect(text).toContain('Start 2025-12-01');
    expect(text).toContain('Days 90, day 1 (2025-12-01) to day 90 (2026-02-28)');
    expect(text).toContain('Warm-up 7 days; statistics from day 8 (2025-12-08)');
    expect(text).toContain('Seed 2025');
    expect(text).toContain('Replications 20');
    expect(text).toContain("Days and times Day 1 is the scenario's start date. Days run midnight to midnight Pakistan time (PKT, UTC+5)");
    expect(text.match(/Day 1 is the scenario's start date/g)).toHaveLength(1);
  });

  test('shows throughput as containers released per day, mean ± half-width with the 95% CI', () => {
    const report = makeReport({}, { throughputPerDay: { mean: 41.23, ci95: [39.83, 42.63] } });
    expect(flat(renderRunReport(report, plainOptions))).toContain('Containers released per day (gate-out at Sost, after the warm-up): 41.2 ± 1.4 (95% CI [39.8, 42.6])');
  });

  test('shows time release at Sost and corridor time as mean, CI, median, p90 and p95, with days above 48 h', () => {
    const report = makeReport({}, {
      timeRelease: { unit: 'hours', mean: 30.44, ci95: [28.9, 31.96], median: 18.5, p90: 62.04, p95: 96.3 },
      corridorTime: { unit: 'hours', mean: 71.2, ci95: [68.0, 74.4], median: 52.1, p90: 140.5, p95: 190.2 },
    });
    const text = flat(renderRunReport(report, plainOptions));
    expect(text).toContain('Time release at Sost');
    expect(text).toContain('arrival at Sost → gate-out');
    expect(text).toContain('Kashgar gate-in → Sost gate-out');
    expect(text).toMatch(/Mean 30\.4 h 71\.2 h \(3\.0 d\)/);
    expect(text).toMatch(/95% CI of the mean \[28\.9, 32\.0\] h \[68\.0, 74\.4\] h/);
    expect(text).toMatch(/Median 18\.5 h 52\.1 h \(2\.2 d\)/);
    expect(text).toMatch(/90th percentile 62\.0 h \(2\.6 d\) 140\.5 h \(5\.9 d\)/);
    expect(text).toMatch(/95th percentile 96\.3 h \(4\.0 d\) 190\.2 h \(7\.9 d\)/);
  });

  test('lists every TRS milestone interval with its mean, median and p90, split at arrival in Sost', () => {
    const report = winterReport();
    const text = flat(renderRunReport(report, { width: 200, color: false }));
    for (const m of report.milestones) expect(text).toContain(m.name);
    expect(text).toContain('Kashgar export clearance gate-in at Kashgar → export cleared at Kashgar 28.4 19.9 68.2');
    expect(text).toContain('At Sost Dry Port: the time release at Sost');
    expect(text.indexOf('crossing to Sost')).toBeLessThan(text.indexOf('At Sost Dry Port'));
    expect(text.indexOf('At Sost Dry Port')).toBeLessThan(text.indexOf('GD lodgement'));
  });

  test('breaks time release down by channel and by cargo type with shares and mean hours', () => {
    const text = flat(renderRunReport(winterReport(), plainOptions));
    expect(text).toContain('Green (release without checks) 45.0% 12.8 h');
    expect(text).toContain('Yellow (document check) 35.0% 49.6 h (2.1 d)');
    expect(text).toContain('Red (examination or scan) 20.0% 143.0 h (6.0 d)');
    expect(text).toContain('Food 20.0% 77.2 h (3.2 d)');
    expect(text).toContain('Machinery 30.0%');
  });

  test('reports pass-closed days by cause with a total, stranded containers and perishables lost', () => {
    const text = flat(renderRunReport(winterReport(), plainOptions));
    expect(text).toContain('Pass closed, days by cause');
    expect(text).toMatch(/Snow 5\.5 6\.6%/);
    expect(text).toMatch(/Total 11\.0 13\.3%/);
    expect(text).toContain('Waiting at Tashkurgan for the pass to open: 4.2 on average after the warm-up, peak 62.0');
    expect(text).toContain('Perishable containers spoiled by frost after the warm-up: 3.4 per replication');
  });

  test('lists each resource with utilisation as a percentage and its queues', () => {
    const text = flat(renderRunReport(winterReport(), plainOptions));
    expect(text).toContain('Resource utilisation and queues');
    expect(text).toMatch(/Sost GD officers 17\.1% 2\.4 18 1\.8/);
  });

  test('ends with a released-per-day chart labelled with the dates of PKT days from day 1 and a time-release histogram labelled in hours', () => {
    const text = plain(renderRunReport(winterReport(), plainOptions));
    const chart = text.slice(text.indexOf('Containers released per day at Sost'));
    expect(chart.replace(/\s+/g, ' ')).toContain('x: calendar date; day 1 = start date; days and times in PKT (UTC+5); one column per day; days before 2025-12-08 (day 8) are warm-up');
    expect(chart).toContain('2025-12-01');
    expect(chart).toContain('2026-01-01');
    expect(chart).toContain('2026-02-01');
    expect(chart).toMatch(/[╭╮╯╰]/);
    const histogram = text.slice(text.indexOf('Distribution of the time release at Sost'));
    expect(histogram).toMatch(/^0–10 h +│█+/m);
    expect(histogram).toMatch(/^≥ 190 h +│█+/m);
  });

  test('shows the share and mean time release by weekday of arrival and of gate-out, and the busiest and slowest hours', () => {
    const text = flat(renderRunReport(winterReport(), { width: 80, color: false }));
    expect(text).toMatch(/When containers reach and leave Sost \(PKT\) ─+ Mon Tue Wed Thu Fri Sat Sun/);
    expect(text).toContain('Arrived, share 16.0% 15.0% 15.0% 15.0% 15.0% 12.0% 12.0% mean h 60.0 62.0 66.0 76.0 104.0 98.0 80.0');
    expect(text).toContain('Gated out, share 21.0% 20.0% 20.0% 20.0% 19.0% 0.0% 0.0% mean h 88.0 68.0 64.0 66.0 62.0 n/a n/a');
    // Fixture: arrivals weigh 3 + hour % 5 from 08:00 to 20:00 (77 in all), gate-outs 4 + hour % 3 from 09:00 to 16:00 (39).
    expect(text).toMatch(/Arrivals at Sost by hour [▁-█·]{24} busiest 09:00 \(9\.1%\)/);
    expect(text).toMatch(/Gate-outs by hour ·{9}[▁-█]{8}·{7} busiest 11:00 \(15\.4%\)/);
    expect(text).toMatch(/Mean h by arrival hour [▁-█·]{24} longest 06:00 \(96\.0 h\)/);
  });

  test('sums up the day-by-day series: the fullest day, the stranded p90 and the backlog', () => {
    const text = flat(renderRunReport(winterReport(), { width: 80, color: false }));
    // Fixture: the corridor is fullest on the first closed day after the first week (day 20).
    expect(text).toContain('Day by day after the warm-up: most inside the corridor on day 21 (2025-12-21), 416.0 on average that day and 583.0 at most');
    expect(text).toContain('stranded at Tashkurgan, daily p90 ');
    expect(text).toContain('and 75.0 at worst; inside longer than 72 h at day end');
    expect(text).toContain('156.0 at most.');
  });

  test('on a 40-column terminal the weekday pattern turns to a row per weekday', () => {
    const text = renderRunReport(winterReport(), { width: 40, color: false });
    expect(overlong(text, 40)).toEqual([]);
    expect(flat(text)).toContain('arrived mean h gate-out mean h Mon 16.0% 60.0 21.0% 88.0');
  });

  test.each([80, 120])('no line is wider than %i columns', (width) => {
    for (const report of [makeReport(), winterReport(), emptyReport()]) {
      expect(overlong(renderRunReport(report, { width, color: false }), width)).toEqual([]);
      expect(overlong(renderRunReport(report, { width, color: true }), width)).toEqual([]);
    }
  });

  test('a report with no completed containers and NaN fields prints "n/a" and says why, never NaN, undefined or Infinity', () => {
    const text = renderRunReport(emptyReport(), plainOptions);
    expect(text).not.toMatch(NON_FIGURES);
    const words = flat(text);
    expect(words).toContain('Mean n/a n/a');
    expect(words).toContain('no container both entered the corridor after the warm-up and left Sost before the end of the horizon');
    expect(words).toContain('the replications gave no throughput figure');
    expect(words).toContain('no distribution to draw');
    expect(words).toContain('4 day(s) had no figure (n/a) and are drawn as 0');
  });

  test('a malformed start date and a NaN horizon still render, with day numbers instead of dates', () => {
    const report = makeReport({}, { start: 'sometime', days: NaN, warmupDays: NaN, seed: NaN, replications: NaN });
    const text = renderRunReport(report, { width: 80, color: false });
    expect(text).not.toMatch(NON_FIGURES);
    expect(overlong(text, 80)).toEqual([]);
    expect(flat(text)).toContain('Days n/a');
    expect(flat(text)).toContain('Warm-up n/a');
    expect(flat(text)).toMatch(/day 1 +day \d+/);
  });

  test('no table cell for a figure is left empty, even in a report without figures', () => {
    for (const report of [winterReport(), emptyReport()]) {
      // wide enough that no cell wraps, so each table row is one line
      const rows = plain(renderRunReport(report, { width: 220, color: false }))
        .split('\n')
        .filter((l) => l.startsWith('│'))
        .map((l) => l.split('│').slice(1, -1).map((c) => c.trim()))
        .filter((cells) => cells.length > 1 && cells[0] !== '');
      expect(rows.length).toBeGreaterThan(30);
      for (const cells of rows) expect(cells, cells.join(' | ')).not.toContain('');
    }
  });

  test('colour off means no ANSI escape codes at all; colour on adds them', () => {
    expect(hasAnsi(renderRunReport(winterReport(), { width: 100, color: false }))).toBe(false);
    expect(hasAnsi(renderRunReport(emptyReport(), { width: 80, color: false }))).toBe(false);
    expect(hasAnsi(renderRunReport(winterReport(), { width: 100, color: true }))).toBe(true);
  });

  test('colour changes only the escape codes, not the text', () => {
    expect(plain(renderRunReport(winterReport(), { width: 100, color: true }))).toBe(renderRunReport(winterReport(), plainOptions));
  });
});
