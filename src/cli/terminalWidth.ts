/** The narrowest report the commands lay out, whatever the terminal says. */
const NARROWEST = 60;
const WITHOUT_TERMINAL = 100;

/**
 * Columns for a report on stdout: the terminal's width; when stdout is a file or a pipe, the
 * COLUMNS variable if it holds a width (`COLUMNS=80 khunjerab run … > report.txt`), else 100.
 */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.COLUMNS);
  const columns = stream.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : WITHOUT_TERMINAL);
  return Math.max(NARROWEST, columns);
}
