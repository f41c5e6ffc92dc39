export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_CALIBRATED = 3;

/** An outcome the CLI reports in a message and an exit code, never with a stack trace. */
export abstract class ReportedError extends Error {
  abstract readonly exitCode: number;

  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A problem with what the user asked for: bad usage or a bad scenario. Exit code 2. */
export class UsageError extends ReportedError {
  readonly exitCode = EXIT_USAGE;
}

/** `khunjerab calibrate`: a claimed observed row did not pass. Exit code 3; the report is on stdout. */
export class NotCalibrated extends ReportedError {
  readonly exitCode = EXIT_NOT_CALIBRATED;
}

/** A run that could not finish for a reason the message gives (a queue job failed, Redis lost). Exit code 1. */
export class RunFailed extends ReportedError {
  readonly exitCode = EXIT_FAILURE;
}
