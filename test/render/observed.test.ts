import { describe, expect, test } from 'vitest';
import { renderComparison, renderRunReport } from '../../src/cli/render/index.js';
import { differencesFor, emptyReport, makeReport, observedRows, winterReport } from './fixtures.js';
import { flat, NON_FIGURES, overlong } from './support.js';

const plainOptions = { width: 100, color: false };

/** The text of the "Model against observed figures" section, up to the next section. */
function observedText(text: string): string {
  const start = text.indexOf('Model against observed figures');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('Containers released per day', start);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('the "Model against observed figures" section of a run', () => {
  test('lists each row with its figure, the model with its CI under it, the band and the verdict, shares in percent', () => {
    // Flattened, a row reads its first line, then the second: the CI and the rest of the band.
    const text = flat(observedText(renderRunReport(makeReport(), { width: 200, color: false })));
    expect(text).toContain('O1 80 % of consignments cleared within 24 h (Pakistan Customs) 61.3% 70–90% fail [59.2, 63.4]');
    expect(text).toContain('O3 Kashgar export clearance 0.5–1 working day 5.62 h 3–10 working h pass [5.54, 5.70] (Chinese)');
    expect(text).toContain('O6 First TIR run, Kashgar to Pakistan by the next day 82.0% ≥ 50% pass [79.0, 85.0]');
    expect(text).toContain('O9 Pass road closed 10–20 % of days in Dec–Feb n/a 10–20% no data');
    expect(text).toContain('O16 40 containers reached Sost on 2 Dec 2024 210.0 ≥ 40 pass (input) containers/day');
    expect(text).toContain('O17 12,000 t at Sost in Dec 2025, about 40 vehicles a day 15.0 25–55 report only vehicles/day');
  });

  test('marks the rows the scenario claims, counts how many pass, and says which of two conflicting rows it claims', () => {
    const text = flat(observedText(renderRunReport(makeReport(), { width: 200, color: false })));
    expect(text).toContain('O4 * Yellow document check');
    expect(text).toContain('O5 * Red examination');
    expect(text).toContain('* claimed by the scenario (observed.claims): 0 of 2 pass.');
    expect(text).toContain('O1 and O2 rest on sources that disagree; the scenario claims neither.');
    const claimsO1 = observedRows().map((r) => (r.id === 'O1' ? { ...r, claimed: true, verdict: 'pass' as const } : r));
    const again = flat(observedText(renderRunReport(makeReport({}, { observed: claimsO1 }), plainOptions)));
    expect(again).toContain('the scenario is calibrated to O1.');
    expect(again).toContain('1 of 3 pass.');
  });

  test('says the scenario claims nothing when it claims nothing, and that it lists no rows when it lists none', () => {
    const unclaimed = observedRows().map((r) => ({ ...r, claimed: false }));
    expect(flat(renderRunReport(makeReport({}, { observed: unclaimed }), plainOptions))).toContain('The scenario claims no rows');
    expect(flat(renderRunReport(makeReport({}, { observed: [] }), plainOptions))).toContain('The scenario lists no observed figures');
  });

  test('fits 80, 60 and 40 columns and never prints NaN, even for rows whose figures are NaN', () => {
    for (const width of [80, 60, 40]) {
      for (const report of [winterReport(), emptyReport()]) {
        const text = observedText(renderRunReport(report, { width, color: false }));
        expect(overlong(text, width)).toEqual([]);
        expect(text).not.toMatch(NON_FIGURES);
      }
    }
  });
});

describe('observed figures in a comparison', () => {
  test('puts each row against each scenario with the model value and the verdict, and marks claims', () => {
    const reports = [makeReport(), winterReport()];
    const text = flat(renderComparison(reports, differencesFor(reports), { width: 200, color: false }));
    expect(text).toContain('Model against observed figures');
    expect(text).toContain('O2 Border compliance for imports, 120 h (World Bank) 72–168 h 31.4 h fail 62.8 h fail');
    expect(text).toContain('O4 Yellow document check, median about 12 h 8–18 h 17.1 h inconclusive * 17.1 h inconclusive *');
    expect(text).toContain('* a row that scenario claims.');
  });

  test('fits 80 columns', () => {
    const reports = [makeReport(), winterReport(), makeReport({ scenario: 'third' })];
    expect(overlong(renderComparison(reports, differencesFor(reports), { width: 80, color: false }), 80)).toEqual([]);
  });
});
