/**
 * The per-container rows of `--csv` as a sheet, read back from the CSV the replications wrote
 * (run/outputFiles.ts): the same columns, numbers as numbers, an empty milestone time as an
 * empty cell. A sheet holds 1,048,576 rows; beyond that the rows stop, and the header row and
 * the About sheet say how many there were.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SHEET_ROW_LIMIT, type Cell, type Format, type Sheet } from './workbook.js';

/** Columns of text; every other column holds a number (or nothing). */
const TEXT_COLUMNS = new Set(['scenario', 'cargo', 'channel', 'outcome']);

export interface ContainerRows {
  readonly sheet: Sheet;
  /** Rows in the CSV, the header left out. */
  readonly total: number;
  /** Rows in the sheet. */
  readonly kept: number;
}

/** The rows of the CSV at `path`, at most `limit` of them (by default as many as a sheet holds under its header). */
export async function containerRows(path: string, limit = SHEET_ROW_LIMIT - 1): Promise<ContainerRows> {
  let header: string[] = [];
  for await (const record of csvRecords(path)) {
    header = record;
    break;
  }
  const total = Math.max(0, (await countRecords(path)) - 1);
  const kept = Math.min(total, limit);
  const formats = header.map((name): Format | undefined => (TEXT_COLUMNS.has(name) ? undefined : name.endsWith('_h') ? 'decimal' : 'integer'));
  const sheet: Sheet = {
    name: 'Containers',
    description: 'One row per container per replication, as --csv writes them: its draws (0/1 flags), its outcome and every milestone time in hours from the start.',
    columns: header.map((name, i) => ({ header: name, format: formats[i], width: TEXT_COLUMNS.has(name) ? 16 : Math.max(8, name.length + 2) })),
    rows: rowsOf(path, formats, kept),
    frozenColumns: 3,
    ...(kept < total ? { headerNote: cappedNote(kept, total) } : {}),
  };
  return { sheet, total, kept };
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/** Records in the CSV: line feeds outside quotes, and a last line without one. */
async function countRecords(path: string): Promise<number> {
  let records = 0;
  let quoted = false;
  let last = NEWLINE;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === NEWLINE && !quoted) records++;
    }
    if (bytes.length > 0) last = bytes[bytes.length - 1];
  }
  return last === NEWLINE ? records : records + 1;
}

/** "Only the first 1,048,575 of 1,200,000 rows fit a sheet; --csv writes them all." */
export function cappedNote(kept: number, total: number): string {
  return `Only the first ${kept.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows fit a sheet (${SHEET_ROW_LIMIT.toLocaleString('en-US')} rows with the header); --csv writes them all.`;
}

async function* rowsOf(path: string, formats: ReadonlyArray<Format | undefined>, kept: number): AsyncIterable<Cell[]> {
  let index = -1;
  for await (const record of csvRecords(path)) {
    if (index++ < 0) continue;
    if (index > kept) return;
    yield record.map((text, i) => (formats[i] === undefined ? text : text === '' ? null : Number(text)));
  }
}

/**
 * The records of an RFC 4180 CSV file. A quoted field may hold commas, quotes and line breaks:
 * a line with an odd number of quotes continues on the next.
 */
async function* csvRecords(path: string): AsyncIterable<string[]> {
  let pending: string | undefined;
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    const text = pending === undefined ? line : `${pending}\n${line}`;
    if (quotes(text) % 2 === 1) {
      pending = text;
      continue;
    }
    pending = undefined;
    yield text.includes('"') ? quotedFields(text) : text.split(',');
  }
  if (pending !== undefined) yield quotedFields(pending);
}

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function quotedFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' && quoted && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
