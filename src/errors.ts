import type { ProblemReport } from './model/problem.js';

/** Exit codes of the contract (SPEC section 4). */
export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  internal: 70,
  cancelled: 130,
} as const;

/** An expected failure: a one-line message for the user and the exit code it stands for. */
export class MentorError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command line, no repository, unknown partnership, refusing to overwrite: exit 2. */
export class UsageError extends MentorError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** The data failed a check: an unmet gate, a refused move, a file that fails the schema: exit 1. */
export class DataError extends MentorError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.data, hint);
  }
}

/** The user cancelled at a prompt: exit 130, nothing written. */
export class CancelledError extends MentorError {
  constructor() {
    super('cancelled; nothing was written', EXIT.cancelled);
  }
}

/**
 * A command refused to work on files that fail validation: exit 1, and the problems are shown
 * exactly as `mentor validate` shows them.
 */
export class ProblemsError extends MentorError {
  constructor(
    message: string,
    readonly report: ProblemReport,
    hint?: string,
  ) {
    super(message, EXIT.data, hint);
  }
}
