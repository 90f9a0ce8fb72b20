import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const RESULTS = path.resolve(import.meta.dirname, "results");

/** Keeps a run's summary as bench/results/<name>-latest.json and prints it as JSON. */
export function writeResults(name: string, summary: unknown): void {
  const text = `${JSON.stringify(summary, null, 2)}\n`;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `${name}-latest.json`), text);
  process.stdout.write(text);
}
