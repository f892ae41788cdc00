/** How long the host answers calls between two steps of a reading ahead. */
const gapMs = 5;

/**
 * Work a screen will need, done in the background in small steps: started a while after its cause (an unlock's own
 * screens load first), one run at a time, a step at a time with a gap for the calls that came meanwhile. A run that
 * fails (the station locked between two steps) only leaves the screen to read for itself, as without it.
 */
export class ReadAhead {
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  /** `delayMs` 0 turns reading ahead off (the CLI: its process ends with its one command). */
  constructor(private readonly delayMs: number) {}

  start(work: (pause: () => Promise<void>) => Promise<void>): void {
    if (this.delayMs <= 0) return;
    if (this.timer) clearTimeout(this.timer);
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, gapMs));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running.then(() => work(pause)).catch(() => undefined);
    }, this.delayMs);
    this.timer.unref();
  }

  /** No run is started any more (the core closes); one under way stops at its next step, its station locked. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Once the run started last has ended (the bench and the tests wait on it); at once if none is due. */
  async ended(): Promise<void> {
    while (this.timer) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await this.running;
  }
}
