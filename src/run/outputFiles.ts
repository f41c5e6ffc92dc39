import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { containerJourney } from '../model/containerJourney.js';
import type { ContainerRecord, TransitionRecord } from '../model/corridor/index.js';
import { readStageTable, type StageTable } from '../model/stageTable.js';
import { removeAtExit } from './temporaryFiles.js';

/** Buffered line writer: a run can emit millions of lines, so they go out in large chunks. */
export class LineWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string, flags = 'w') {
    this.fd = openSync(path, flags);
  }

  write(line: string): void {
    this.buffer.push(line);
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The CSV header for a journey's stage table (the bundled journey unless given). */
export function csvHeader(table: StageTable = readStageTable(containerJourney)): string {
  return [
    'scenario',
    'replication',
    'container',
    'cargo',
    'channel',
    'scan',
    'held',
    'needs_permit',
    'export_inspection',
    'pre_arrival',
    'incident',
    'spoiled',
    'snowy_departure',
    'finished',
    'outcome',
    ...table.milestones.map((m) => `${m.id}_h`),
  ].join(',');
}

export function csvRow(scenario: string, replication: number, r: ContainerRecord, finished: boolean): string {
  const cells = [
    csvText(scenario),
    String(replication),
    String(r.id),
    r.cargo,
    r.channel,
    flag(r.scan),
    flag(r.held),
    flag(r.needsPermit),
    flag(r.exportInspection),
    flag(r.preArrival),
    flag(r.incident),
    flag(r.spoiled),
    flag(r.snowyDeparture),
    flag(finished),
    r.outcome,
  ];
  for (const t of r.milestones) cells.push(Number.isNaN(t) ? '' : t.toFixed(4));
  return cells.join(',');
}

export function eventLine(scenario: string, replication: number, e: TransitionRecord): string {
  return JSON.stringify({
    scenario,
    replication,
    t: Math.round(e.t * 1e6) / 1e6,
    machine: e.machine,
    event: e.event,
    from: e.from,
    to: e.to,
  });
}

function flag(b: boolean): string {
  return b ? '1' : '0';
}

/** A CSV cell (RFC 4180): quoted when it holds a quote, a comma, a carriage return or a line feed. */
export function csvText(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes `text` to `target` through a temporary file beside it, renamed once whole: a reader never sees half a file. */
export function writeWhole(target: string, text: string): void {
  const temporary = `${target}.partial-${process.pid}`;
  const remove = removeAtExit(temporary);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } finally {
    remove();
  }
}
