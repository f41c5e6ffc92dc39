/**
 * A workbook of plain tables, written with exceljs's streaming writer: one sheet per table, a
 * bold header row frozen in place, numbers stored as numbers (a figure that does not exist is
 * an empty cell, as it is null in --json). The same sheets give the same bytes: the workbook's
 * dates and every zip entry's time are {@link FIXED_DATE}. The file appears whole: it is written
 * beside the target and renamed when complete. exceljs loads only here, when a workbook is asked for.
 */
import { renameSync } from 'node:fs';
import type { Style } from 'exceljs';
import { removeAtExit } from '../../run/temporaryFiles.js';
import { stampZipEntries } from './zipTimes.js';

export type Cell = string | number | boolean | null;

/** How a number shows: 1,234 / 12.5 (up to two decimals) / 45.0%. Text and booleans show as they are. */
export type Format = 'integer' | 'decimal' | 'percent';

export interface SheetColumn {
  /** With the unit, e.g. "Mean (h)". */
  readonly header: string;
  readonly format?: Format;
  /** Characters; by default wide enough for the header. */
  readonly width?: number;
}

export interface Sheet {
  /** At most 31 characters, none of []:*?/\ (Excel's rule). */
  readonly name: string;
  /** What the sheet holds, one sentence for the About sheet. */
  readonly description: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
  /** Leading columns that stay in view when scrolling right: what each row is about. */
  readonly frozenColumns?: number;
  /** A line after the last column of the header row, e.g. that the rows stop at the sheet limit. */
  readonly headerNote?: string;
}

/** 1980-01-01, the first date a zip entry can carry: it says "no date" rather than a wrong one. */
export const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** Rows a sheet holds, its header row included. */
export const SHEET_ROW_LIMIT = 1_048_576;

const NUMBER_FORMATS: Readonly<Record<Format, string>> = {
  integer: '#,##0',
  decimal: '#,##0.0#',
  percent: '0.0%',
};

/**
 * Rows written between turns of the event loop. exceljs pushes each row into the zip stream
 * without waiting for it, and the compression runs only when the loop turns: a turn every ten
 * rows (about 11 kB) lets it keep up, where one every 2,000 rows left a sheet of a million rows
 * uncompressed in memory (over a gigabyte) until the end. It costs no time.
 */
const ROWS_PER_PAUSE = 10;

export async function writeWorkbook(target: string, sheets: readonly Sheet[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const temporary = `${target}.partial-${process.pid}`;
  const remove = removeAtExit(temporary);
  try {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporary, useStyles: true, useSharedStrings: false });
    book.creator = 'khunjerab';
    book.lastModifiedBy = 'khunjerab';
    book.created = FIXED_DATE;
    book.modified = FIXED_DATE;
    for (const sheet of sheets) {
      const frozen = sheet.frozenColumns ?? 0;
      const worksheet = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: frozen, ySplit: 1, topLeftCell: cellAddress(2, frozen + 1) }] });
      worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)) }));
      // One style object per column, shared by its cells: exceljs then works each style out once, not once per cell.
      const styles = sheet.columns.map((c): Partial<Style> => (c.format === undefined ? {} : { numFmt: NUMBER_FORMATS[c.format] }));
      const header = worksheet.getRow(1);
      header.font = { bold: true };
      if (sheet.headerNote !== undefined) header.getCell(sheet.columns.length + 1).value = sheet.headerNote;
      let written = 0;
      for await (const row of sheet.rows) {
        const added = worksheet.addRow(row.map(cellValue));
        added.eachCell((cell, column) => (cell.style = styles[column - 1] ?? {}));
        added.commit();
        if (++written % ROWS_PER_PAUSE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      worksheet.commit();
    }
    await book.commit();
    stampZipEntries(temporary, FIXED_DATE);
    renameSync(temporary, target);
  } finally {
    remove();
  }
}

/** A figure that is not finite has no value: an empty cell, as --json has null; so is empty text. */
function cellValue(cell: Cell): Cell {
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell === '' ? null : cell;
}

/** "B2" for row 2, column 2. */
function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}
