import path from "node:path";

/**
 * The rules `npm run lint` holds lib/ to, over import lines alone (the
 * compiler is not needed to see where an import points): lib/ never imports
 * app/ or components/, and lib's domain folders do not import each other in
 * cycles. A domain is a folder directly under lib/ (a file directly under
 * lib/ is a domain of its own).
 */

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every module an import or export line names, as written. */
export function importSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(IMPORT)) specifiers.push((match[1] ?? match[2])!);
  return specifiers;
}

/** The project path an import points at (no extension needed), or null for a package. */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

function domainOf(file: string): string | null {
  const parts = file.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1]!.replace(/\.tsx?$/, "") : parts[1]!;
}

export interface ImportReport {
  /** "lib/x.ts imports app/y" lines. */
  forbidden: string[];
  /** Each cycle's domains, as a strongly connected set, sorted. */
  cycles: string[][];
  /** The imports that hold those cycles together, as "from -> to", sorted. */
  cycleEdges: string[];
}

/**
 * Checks files given as path (relative to the project, with forward
 * slashes) → source. Test files are left out: a test may reach across.
 */
export function checkImports(files: Map<string, string>): ImportReport {
  const forbidden: string[] = [];
  const edges = new Map<string, Set<string>>();
  for (const [file, source] of files) {
    const from = domainOf(file);
    if (from === null || /\.test\.tsx?$/.test(file)) continue;
    edges.set(from, edges.get(from) ?? new Set());
    for (const specifier of importSpecifiers(source)) {
      const target = resolveImport(file, specifier);
      if (target === null) continue;
      if (target === "app" || target.startsWith("app/") || target === "components" || target.startsWith("components/")) {
        forbidden.push(`${file} imports ${specifier}`);
        continue;
      }
      const to = domainOf(target);
      if (to !== null && to !== from) edges.get(from)!.add(to);
    }
  }
  const cycles = stronglyConnected(edges).filter((set) => set.length > 1);
  const cycleEdges: string[] = [];
  for (const cycle of cycles) {
    for (const from of cycle) for (const to of edges.get(from) ?? []) if (cycle.includes(to)) cycleEdges.push(`${from} -> ${to}`);
  }
  return { forbidden, cycles, cycleEdges: cycleEdges.sort() };
}

/** Tarjan's algorithm: the sets of domains that can each reach all the others. */
function stronglyConnected(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const sets: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const set: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        set.push(member);
      } while (member !== node);
      sets.push(set.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return sets;
}

/**
 * The problems to fail on: every forbidden import, and every import between
 * domains that closes a cycle and is not one of the known ones (those that
 * predate this check: to be untangled, never to grow). Listing edges rather
 * than domains means a known cycle cannot quietly take on one more import.
 */
export function importProblems(report: ImportReport, knownCycleEdges: readonly string[]): string[] {
  const problems = report.forbidden.map((line) => `lib/ must not import app/ or components/: ${line}`);
  for (const edge of report.cycleEdges) {
    if (!knownCycleEdges.includes(edge)) {
      const cycle = report.cycles.find((set) => set.includes(edge.split(" -> ")[0]!))!;
      problems.push(`lib/ domains import each other in a cycle (${cycle.join(", ")}): ${edge} is new`);
    }
  }
  return problems;
}
