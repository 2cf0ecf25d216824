/** Base class of the matcher's errors. */
export class EngineError extends Error {
  override name = 'EngineError';
}

/**
 * A stored key state that this version cannot read: written by an
 * incompatible version, or damaged. `reason` says what was wrong.
 */
export class KeyStateError extends EngineError {
  override name = 'KeyStateError';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`unreadable sequence state: ${reason}`, options);
  }
}

/**
 * A compiled query the matcher cannot run, such as a sequence whose stages
 * are all missing-event stages.
 */
export class QueryShapeError extends EngineError {
  override name = 'QueryShapeError';
}
