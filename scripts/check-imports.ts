import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkImports, importProblems } from "./import-graph";

/**
 * Imports between lib/ domains allowed to close a cycle: none. The last knot
 * (error codes kept with booking, the demo seed inside lib/db, a request's
 * context defined by booking) was untangled; keep this list empty.
 */
const KNOWN_CYCLE_EDGES: string[] = [];

function sources(root: string, dir: string, into: Map<string, string>) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (file !== "lib/db/generated") sources(root, file, into);
    } else if (/\.tsx?$/.test(entry.name)) {
      into.set(file, readFileSync(path.join(root, file), "utf8"));
    }
  }
  return into;
}

const root = path.resolve(import.meta.dirname, "..");
const report = checkImports(sources(root, "lib", new Map()));
const problems = importProblems(report, KNOWN_CYCLE_EDGES);
if (process.argv.includes("--list")) for (const edge of report.cycleEdges) console.log(`  "${edge}",`);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
