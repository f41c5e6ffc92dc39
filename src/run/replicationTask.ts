import type { CorridorParams } from '../model/params.js';
import { LineWriter, csvRow, eventLine } from './outputFiles.js';
import { runReplication, type ReplicationSummary } from './replication.js';

/** One replication of one scenario, as sent to a worker thread. */
export interface ReplicationTask {
  readonly scenarioIndex: number;
  readonly params: CorridorParams;
  readonly seed: number;
  readonly replication: number;
  /** Where to write this replication's CSV rows (no header), if asked. */
  readonly csvPath?: string;
  /** Where to write this replication's NDJSON transitions, if asked. */
  readonly eventsPath?: string;
  readonly demandCeiling?: number;
}

export function runTask(task: ReplicationTask): ReplicationSummary {
  const name = task.params.name;
  const csv = task.csvPath === undefined ? undefined : new LineWriter(task.csvPath);
  const events = task.eventsPath === undefined ? undefined : new LineWriter(task.eventsPath);
  try {
    return runReplication(task.params, task.seed, task.replication, {
      demandCeiling: task.demandCeiling,
      onContainer: csv === undefined ? undefined : (record, finished) => csv.write(csvRow(name, task.replication, record, finished)),
      onTransition: events === undefined ? undefined : (e) => events.write(eventLine(name, task.replication, e)),
    });
  } finally {
    csv?.close();
    events?.close();
  }
}
