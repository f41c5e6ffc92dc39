import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { ReplicationSummary } from '../replication.js';
import type { ReplicationTask } from '../replicationTask.js';
import type { CodeVersion } from './codeHash.js';
import { decode, encode } from './codec.js';

/** The one queue every submitter and worker share (BullMQ's key prefix `bull`). */
export const QUEUE_NAME = 'khunjerab-replications';

/** A task as it travels: no local file paths, only whether to bring rows and events back. */
export type QueuedTask = Omit<ReplicationTask, 'csvPath' | 'eventsPath'> & { readonly csv: boolean; readonly events: boolean };

/** A job's data: the task (encoded, see codec.ts) and the code that made it. */
export interface JobData {
  readonly task: string;
  readonly from: CodeVersion;
}

/** A job's return value, decoded: the summary, and the rows and events when asked (the text of the part files). */
export interface JobResult {
  readonly summary: ReplicationSummary;
  readonly csv?: string;
  readonly events?: string;
}

const codeVersionSchema = z.object({ version: z.string(), code: z.string(), host: z.string() });
const jobDataSchema = z.object({ task: z.string(), from: codeVersionSchema });
const resultSchema = z.object({
  summary: z.object({ replication: z.number(), seed: z.number() }).passthrough(),
  csv: z.string().optional(),
  events: z.string().optional(),
});

export function jobData(task: ReplicationTask, from: CodeVersion): JobData {
  const { csvPath, eventsPath, ...rest } = task;
  const queued: QueuedTask = { ...rest, csv: csvPath !== undefined, events: eventsPath !== undefined };
  return { task: encode(queued), from };
}

export function readJobData(data: unknown): { readonly task: QueuedTask; readonly from: CodeVersion } {
  const parsed = jobDataSchema.parse(data);
  // The same code made it (the worker checks `from` before running it): its shape is the submitter's.
  return { task: decode(parsed.task) as QueuedTask, from: parsed.from };
}

export function encodeResult(result: JobResult): string {
  return encode(result);
}

export function decodeResult(text: unknown): JobResult {
  if (typeof text !== 'string') throw new Error('a job came back without a result');
  const decoded = decode(text);
  // Checked for its envelope only, and returned as decoded: a schema's output would rebuild the
  // summary with its keys in another order. The rest is what a worker with the same code made.
  resultSchema.parse(decoded);
  return decoded as JobResult;
}

/** A part file's bytes, compressed for the trip through Redis (events run to megabytes). */
export function packFile(path: string): string {
  return gzipSync(readFileSync(path)).toString('base64');
}

export function unpackFile(packed: string | undefined): Buffer {
  return packed === undefined ? Buffer.alloc(0) : gunzipSync(Buffer.from(packed, 'base64'));
}
