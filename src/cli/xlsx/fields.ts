import type { Cell, Sheet, SheetColumn } from './workbook.js';

/** A column of a sheet and how each row's item gives its cell. */
export interface Field<T> extends SheetColumn {
  readonly value: (item: T) => Cell;
}

/** A sheet with one row per item, its columns the fields in order. */
export function sheetOf<T>(name: string, description: string, fields: readonly Field<T>[], items: Iterable<T>, frozenColumns = 1): Sheet {
  return {
    name,
    description,
    columns: fields,
    rows: Array.from(items, (item) => fields.map((f) => f.value(item))),
    frozenColumns,
  };
}

/** The mean and the two ends of a 95 % CI as three columns: "Throughput, mean (containers/day)", "…, 95% CI low (…)", "…, 95% CI high (…)". */
export function withCi<T>(label: string, unit: string, pick: (item: T) => { readonly mean: number; readonly ci95: readonly [number, number] } | null | undefined): Field<T>[] {
  return [
    { header: `${label}, mean (${unit})`, format: 'decimal', value: (item) => pick(item)?.mean ?? null },
    { header: `${label}, 95% CI low (${unit})`, format: 'decimal', value: (item) => pick(item)?.ci95[0] ?? null },
    { header: `${label}, 95% CI high (${unit})`, format: 'decimal', value: (item) => pick(item)?.ci95[1] ?? null },
  ];
}

/** A value of any YAML type in one cell: numbers, booleans and text as they are, lists and mappings as JSON. */
export function anyValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return JSON.stringify(value);
}
