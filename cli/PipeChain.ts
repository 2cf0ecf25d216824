import type { PipeNode } from '../lambda/eql/ast';

/**
 * Applies a query's `| head N` and `| tail N` pipes, in order, to results
 * as they stream in. `head` passes the first N and then reports that the
 * chain is full, so the caller can stop reading; `tail` keeps the last N
 * and passes them on when the input ends.
 */
export class PipeChain<T> {
  private readonly stages: Stage<T>[];

  constructor(
    pipes: readonly PipeNode[],
    private readonly emit: (item: T) => void,
  ) {
    this.stages = pipes.map((pipe) =>
      pipe.name === 'head' ? new Head<T>(pipe.count) : new Tail<T>(pipe.count),
    );
  }

  /** Feeds one result through the pipes. */
  push(item: T): void {
    this.pushFrom(0, item);
  }

  /**
   * True when no more input can change the output: some `head` before any
   * `tail` is full.
   */
  isFull(): boolean {
    for (const stage of this.stages) {
      if (stage instanceof Tail) return false;
      if (stage.isFull()) return true;
    }
    return false;
  }

  /** Ends the input: buffered `tail` results flow on to the output. */
  finish(): void {
    this.stages.forEach((stage, index) => {
      for (const item of stage.drain()) this.pushFrom(index + 1, item);
    });
  }

  private pushFrom(index: number, item: T): void {
    const stage = this.stages[index];
    if (stage === undefined) {
      this.emit(item);
      return;
    }
    const passed = stage.accept(item);
    if (passed) this.pushFrom(index + 1, item);
  }
}

interface Stage<T> {
  /** True when the item goes on to the next stage now. */
  accept(item: T): boolean;
  isFull(): boolean;
  drain(): T[];
}

class Head<T> implements Stage<T> {
  private seen = 0;
  constructor(private readonly count: number) {}
  accept(): boolean {
    if (this.seen >= this.count) return false;
    this.seen += 1;
    return true;
  }
  isFull(): boolean {
    return this.seen >= this.count;
  }
  drain(): T[] {
    return [];
  }
}

class Tail<T> implements Stage<T> {
  private readonly kept: T[] = [];
  constructor(private readonly count: number) {}
  accept(item: T): boolean {
    this.kept.push(item);
    if (this.kept.length > this.count) this.kept.shift();
    return false;
  }
  isFull(): boolean {
    return false;
  }
  drain(): T[] {
    return this.kept.splice(0);
  }
}
