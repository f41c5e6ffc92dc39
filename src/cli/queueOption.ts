import { Option, type Command } from 'commander';
import type { TaskRunner } from '../run/runReplications.js';
import { QueueError } from '../run/queue/errors.js';
import { queueRunner } from '../run/queue/queueRunner.js';
import { parseRedisUrl, type RedisTarget } from '../run/queue/redisUrl.js';
import { RunFailed, UsageError } from './errors.js';

const QUEUE_HELP = 'run the replications as jobs on Redis for `khunjerab worker`s, with the same results: redis://[:PASSWORD@]HOST:PORT[/DB], or without a URL the one in REDIS_URL';

/** What a bare `--queue` stands for (commander shows it in the help as the preset). */
const FROM_ENVIRONMENT = 'REDIS_URL';

/** `--queue [url]` on a command that runs replications: the option's value is the TaskRunner runBatch takes. */
export function addQueueOption(command: Command): Command {
  return command.addOption(new Option('--queue [url]', QUEUE_HELP).preset(FROM_ENVIRONMENT).argParser(queueOf).conflicts('workers'));
}

/** `--queue [url]` for `khunjerab worker`: the option's value is where the queue is. */
export function addQueueTargetOption(command: Command): Command {
  return command.addOption(
    new Option('--queue [url]', 'the Redis the submitting commands use: redis://[:PASSWORD@]HOST:PORT[/DB], or without a URL the one in REDIS_URL').preset(FROM_ENVIRONMENT).argParser(redisTargetOf),
  );
}

/** The URL given, or REDIS_URL for a bare --queue; a UsageError (never echoing the URL, which may hold a password) otherwise. */
export function redisTargetOf(value: string): RedisTarget {
  const fromEnvironment = value === FROM_ENVIRONMENT || value === '';
  const text = fromEnvironment ? process.env.REDIS_URL : value;
  if (text === undefined || text.trim() === '') throw new UsageError('--queue needs a Redis URL (redis://HOST:PORT[/DB]), or REDIS_URL in the environment');
  const parsed = parseRedisUrl(text);
  if (!parsed.ok) throw new UsageError(`--queue${fromEnvironment ? ' (from REDIS_URL)' : ''}: ${parsed.message}`);
  return parsed.target;
}

function queueOf(value: string): TaskRunner {
  const runner = queueRunner(redisTargetOf(value), { notice: queueNotice });
  return { run: (tasks, onProgress) => runner.run(tasks, onProgress).catch((error: unknown) => Promise.reject(reportedQueueError(error))) };
}

/** A line on stderr, clearing a progress bar first if one is drawn. */
function queueNotice(text: string): void {
  process.stderr.write(`${process.stderr.isTTY === true ? '\r\x1b[2K' : ''}khunjerab: ${text}\n`);
}

/** Redis unreachable before any work: exit 2; anything after (lost, a job failed): exit 1; both without a stack. */
export function reportedQueueError(error: unknown): unknown {
  if (!(error instanceof QueueError)) return error;
  return error.kind === 'unreachable' ? new UsageError(error.message, error.details) : new RunFailed(error.message, error.details);
}
