/**
 * The report's one stylesheet, inline: system fonts only (nothing to fetch), tables and charts
 * that fit an A4 page, and print rules that keep a table's or a chart's parts together.
 */
export const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; max-width: 48rem; }
.lead { font-size: 1.05rem; }
.note, figcaption { font-size: 0.85rem; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
pre.command { background: #f3f3f3; border: 1px solid #d6d6d6; padding: 0.5rem 0.75rem; white-space: pre-wrap; word-break: break-word; font: 0.85rem/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
nav.contents ol { columns: 2; margin: 0.25rem 0 0; padding-left: 1.5rem; font-size: 0.9rem; }
.table { overflow-x: auto; margin: 0.75rem 0 1.25rem; }
table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; min-width: 24rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.35rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #888; font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: normal; }
tr.group th { font-weight: 600; background: #f3f3f3; padding-top: 0.45rem; }
.num { text-align: right; }
td.num { white-space: nowrap; }
figure { margin: 1rem 0 1.75rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.35rem; max-width: 48rem; }
figcaption strong { color: #1a1a1a; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.25rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, .table, dl.facts, pre.command { break-inside: avoid; page-break-inside: avoid; }
  .table { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: 2px 5px; }
  td.num { white-space: normal; }
  nav.contents { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
