/** A problem with what the user asked for: bad usage or a bad scenario. Exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `khunjerab calibrate`: a claimed observed row did not pass. Exit code 3; the report is on stdout. */
export class NotCalibrated extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'NotCalibrated';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_CALIBRATED = 3;
