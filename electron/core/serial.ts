/**
 * Runs tasks one at a time, in call order. Key-slot work awaits scrypt (~0.3 s); without this, two
 * calls could read the keyring, both wait, and the second write would undo the first.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result.finally(() => {
      this.pending -= 1;
    });
  }

  busy(): boolean {
    return this.pending > 0;
  }
}
