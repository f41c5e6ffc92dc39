/**
 * The wording of validation messages. Every leaf of the scenario schema says what it
 * expected and what it got, in the words of the YAML file rather than of JavaScript:
 *
 *   sost.examBays: expected an integer >= 0, got -2
 *   sost.examBays: missing; expected an integer >= 0
 */

/** How a value from a YAML file reads in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp (quote dates as "YYYY-MM-DD")';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** An error function for a schema: "expected <what>, got <value>", or "missing; expected <what>". */
export function expecting(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describeValue(issue.input)}`;
}

/** A number as a message shows it: short, without binary noise (0.30000000000000004 → 0.3). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Text from a file as a message may show it: control characters escaped (a key or a value must
 * not drive the terminal), and at most `max` characters.
 */
export function excerpt(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeControls(short);
}

/** Control characters (C0, DEL, C1) written as \xNN or \uNNNN; newlines and tabs included. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
