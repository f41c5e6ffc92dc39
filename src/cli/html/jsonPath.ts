/**
 * Where a figure sits in the `--json` output, as a table cell's `data-json` attribute says it:
 * `scenarios[1].timeRelease.mean`, `passClosedDays.byCause["seasonal closure"]`. A reader (or a
 * test) finds the figure a cell shows by following the path from the root of the JSON.
 */
export type JsonKey = string | number;

/** `base` followed by `keys`; identifiers join with dots, other names and indices go in brackets. */
export function jsonPath(base: string, ...keys: readonly JsonKey[]): string {
  let path = base;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) path += path === '' ? key : `.${key}`;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}
