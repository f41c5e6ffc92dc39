/**
 * "Model against observed figures": each observed row's figure, the model's value with its
 * 95 % CI, the band and the verdict, for `run`, `calibrate` and (side by side) `compare`.
 */
import type { ObservedRowReport, ObservedVerdict, ScenarioReport } from '../../run/index.js';
import { note, section } from './blocks.js';
import { formatBound, formatNumber, formatPercent, isFigure, NA } from './format.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { renderTable, type Row } from './table.js';
import { paint } from './text.js';

export const OBSERVED_TITLE = 'Model against observed figures';

export const VERDICT_TEXT: Readonly<Record<ObservedVerdict, string>> = {
  pass: 'pass',
  fail: 'fail',
  inconclusive: 'inconclusive',
  'no data': 'no data',
  'input pass': 'pass (input)',
  'input fail': 'fail (input)',
  'report only': 'report only',
};

const CALENDAR_NAMES: Readonly<Record<string, string>> = { china: 'Chinese', pakistan: 'Pakistani', banks: "banks'" };

/** The section of one scenario's report; `title` names the scenario when several are shown. */
export function observedSection(report: ScenarioReport, options: RenderOptions, title = OBSERVED_TITLE): string {
  const o = normaliseOptions(options);
  const rows = report.observed ?? [];
  if (rows.length === 0) return section(title, o, note('The scenario lists no observed figures (observed.rows).', o));
  const table: Row[] = rows.map((r) => [
    `${r.id}${r.claimed ? ' *' : ''}`,
    r.figure,
    modelText(r),
    bandText(r),
    verdictText(r.verdict, o.color),
  ]);
  return section(
    title,
    o,
    renderTable(
      [{ header: 'ID' }, { header: 'Observed figure' }, { header: 'Model (95% CI)', align: 'right' }, { header: 'Band' }, { header: 'Verdict' }],
      table,
      o,
    ),
    note(claimsLine(rows), o),
    note(conflictsLine(rows), o),
    note(VERDICT_RULE, o),
  );
}

/** The observed rows of several scenarios side by side: the model's value and verdict in each. */
export function observedSideBySide(reports: readonly ScenarioReport[], options: RenderOptions): string {
  const o = normaliseOptions(options);
  const ids = [...new Set(reports.flatMap((r) => (r.observed ?? []).map((row) => row.id)))];
  if (ids.length === 0) return section(OBSERVED_TITLE, o, note('The scenarios list no observed figures (observed.rows).', o));
  const first = (id: string): ObservedRowReport | undefined => reports.map((r) => r.observed?.find((row) => row.id === id)).find((row) => row !== undefined);
  const table: Row[] = ids.map((id) => {
    const row = first(id) as ObservedRowReport;
    return [
      `${id} ${row.figure}`,
      bandText(row),
      ...reports.map((r) => {
        const mine = r.observed?.find((x) => x.id === id);
        return mine === undefined ? NA : `${valueText(mine)} ${verdictText(mine.verdict, o.color)}${mine.claimed ? ' *' : ''}`;
      }),
    ];
  });
  const anyClaims = reports.some((r) => (r.observed ?? []).some((row) => row.claimed));
  return section(
    OBSERVED_TITLE,
    o,
    renderTable([{ header: 'Observed figure' }, { header: 'Band' }, ...reports.map((r) => ({ header: r.scenario, align: 'right' as const }))], table, o),
    note(`Each cell is the model's mean over replications and the verdict.${anyClaims ? ' * a row that scenario claims.' : ' No scenario claims a row.'}`, o),
    note(VERDICT_RULE, o),
  );
}

/** The claimed rows that do not pass, as "O4 (inconclusive)". */
export function failingClaims(report: ScenarioReport): string[] {
  return (report.observed ?? []).filter((r) => r.claimed && r.verdict !== 'pass' && r.verdict !== 'input pass').map((r) => `${r.id} (${VERDICT_TEXT[r.verdict]})`);
}

export const VERDICT_RULE =
  'Model: the mean over the replications that measured the row, with its 95% CI; shares in %. ' +
  'A row passes when the CI lies inside the band, fails when it lies wholly outside, and is inconclusive otherwise ' +
  '(or when one replication gives no CI). Input rows are computed from the parameters, not the run; ' +
  'report-only rows are shown, never judged; "no data": nothing in the run to measure (e.g. a winter row in a summer run). ' +
  'Readings, bands and sources: docs/sources.md section 8.';

function claimsLine(rows: readonly ObservedRowReport[]): string {
  const claimed = rows.filter((r) => r.claimed);
  if (claimed.length === 0) return 'The scenario claims no rows (observed.claims), so calibrate passes it as it stands.';
  const passing = claimed.filter((r) => r.verdict === 'pass' || r.verdict === 'input pass').length;
  return `* claimed by the scenario (observed.claims): ${passing} of ${claimed.length} pass.`;
}

function conflictsLine(rows: readonly ObservedRowReport[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const r of rows) {
    if (r.conflictsWith.length === 0 || seen.has(r.id)) continue;
    const group = [r.id, ...r.conflictsWith];
    group.forEach((id) => seen.add(id));
    const claimed = rows.filter((x) => group.includes(x.id) && x.claimed).map((x) => x.id);
    lines.push(`${group.join(' and ')} rest on sources that disagree; ${claimed.length > 0 ? `the scenario is calibrated to ${claimed.join(', ')}` : 'the scenario claims neither'}.`);
  }
  return lines.join(' ');
}

function verdictText(verdict: ObservedVerdict, color: boolean): string {
  const text = VERDICT_TEXT[verdict] ?? String(verdict);
  return verdict === 'pass' || verdict === 'input pass' ? paint(text, 'green', color) : text;
}

/** The model's value alone, in the row's unit. */
function valueText(r: ObservedRowReport): string {
  if (!(r.model?.replications > 0)) return NA;
  return figureText(r.model.mean, r.unit);
}

/** The value with its CI (none for an input check or a single replication). */
function modelText(r: ObservedRowReport): string {
  const value = valueText(r);
  if (value === NA || r.input || r.model.replications < 2) return value;
  const [lo, hi] = r.model.ci95 ?? [NaN, NaN];
  if (!isFigure(lo) || !isFigure(hi)) return value;
  const share = r.unit === 'share';
  const bound = (x: number): string => (share ? formatNumber(x * 100, 1) : formatNumber(x, decimals(x)));
  return `${value}\n[${bound(lo)}, ${bound(hi)}]`;
}

function figureText(x: number, unit: ObservedRowReport['unit']): string {
  if (!isFigure(x)) return NA;
  switch (unit) {
    case 'share':
      return formatPercent(x);
    case 'elapsed hours':
    case 'working hours':
      return `${formatNumber(x, decimals(x))} h`;
    case 'days':
      return `${formatNumber(x, decimals(x))} d`;
    default:
      return formatNumber(x, 1);
  }
}

/** "70–90%", "≥ 50%", "72–168 h", "3–10 working h (Chinese)", "≥ 40 containers/day", on two lines where long. */
export function bandText(r: Pick<ObservedRowReport, 'band' | 'unit' | 'calendar'>): string {
  const share = r.unit === 'share';
  const bound = (x: number | undefined): string => (isFigure(x) ? formatBound(share ? x * 100 : x) : NA);
  const { atLeast, atMost } = r.band ?? {};
  const range = atLeast !== undefined && atMost !== undefined ? `${bound(atLeast)}–${bound(atMost)}` : atLeast !== undefined ? `≥ ${bound(atLeast)}` : `≤ ${bound(atMost)}`;
  if (share) return `${range}%`;
  if (r.unit === 'elapsed hours') return `${range} h`;
  if (r.unit === 'days') return `${range} days`;
  if (r.unit === 'working hours') return `${range} working h${r.calendar === undefined ? '' : `\n(${CALENDAR_NAMES[r.calendar] ?? r.calendar})`}`;
  return `${range}\n${r.unit}`;
}

/** Two decimals below 10, so that a quarter of an hour reads as 0.25. */
function decimals(x: number): number {
  return Math.abs(x) < 10 ? 2 : 1;
}
