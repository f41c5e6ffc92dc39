import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { containerRows } from '../../src/cli/xlsx/containerRows.js';
import { SHEET_ROW_LIMIT, writeWorkbook } from '../../src/cli/xlsx/workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'khunjerab-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Containers sheet', () => {
  const header = 'scenario,replication,container,cargo,channel,finished,outcome,arrivedSost_h,gateOutSost_h';
  /** Twelve rows; the scenario's name holds a comma, a quote and a line break, quoted as RFC 4180 says. */
  const csv = join(dir, 'rows.csv');
  writeFileSync(csv, `${header}\n${Array.from({ length: 12 }, (_, i) => `"喀什, ""north""\nroute",0,${i + 1},food,red,1,released,${(i * 1.25).toFixed(4)},`).join('\n')}\n`);

  test('stops at the limit and says so in the header row, keeping the text, numbers and empty cells of the rows it keeps', async () => {
    const rows = await containerRows(csv, 5);
    expect([rows.total, rows.kept]).toEqual([12, 5]);
    const target = join(dir, 'capped.xlsx');
    await writeWorkbook(target, [rows.sheet]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const sheet = book.getWorksheet('Containers');
    expect(sheet?.rowCount).toBe(6);
    const headerRow = sheet?.getRow(1);
    expect(headerRow?.getCell(10).value).toBe(`Only the first 5 of 12 rows fit a sheet (${SHEET_ROW_LIMIT.toLocaleString('en-US')} rows with the header); --csv writes them all.`);
    expect(sheet?.getRow(3).values).toEqual([undefined, '喀什, "north"\nroute', 0, 2, 'food', 'red', 1, 'released', 1.25]);
    expect(sheet?.getRow(3).getCell(9).value).toBeNull();
  });

  test('without a limit in reach, every row and no note', async () => {
    const rows = await containerRows(csv);
    expect([rows.total, rows.kept, rows.sheet.headerNote]).toEqual([12, 12, undefined]);
  });
});

