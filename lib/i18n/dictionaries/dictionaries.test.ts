import { describe, expect, it } from "vitest";
import { formatLongDate, formatTime, formatZoneName } from "../format-date-time";
import type { Language } from "../languages";
import { en } from "./en";
import { es } from "./es";

// Every patient-facing phrase of both dictionaries, read the way a proof-reader
// would: whole, with the values the pages put into them.

type Leaf = string | ((...values: never[]) => string);

function leaves(node: unknown, path = ""): [string, Leaf][] {
  if (typeof node === "string" || typeof node === "function") return [[path, node as Leaf]];
  if (Array.isArray(node)) return node.flatMap((value, index) => leaves(value, `${path}[${index}]`));
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [];
}

const dictionaries = { en, es } as const;

/** Each phrase with every value it takes set to `value`. */
function filledIn(language: Language, value: string): [string, string][] {
  return leaves(dictionaries[language]).map(([path, leaf]) => [
    path,
    typeof leaf === "string" ? leaf : (leaf as (...values: string[]) => string)(value, value, value),
  ]);
}

/** The names a phrase gives the values it takes, read from its source: `(when) => …` takes a time. */
function parameterNames(leaf: Leaf): string[] {
  if (typeof leaf === "string") return [];
  const list = /^(?:function\s*\w*)?\s*\(([^)]*)\)|^(\w+)\s*=>/.exec(leaf.toString());
  return (list?.[1] ?? list?.[2] ?? "").split(",").map((name) => name.trim().replace(/[:=].*$/, "").trim()).filter(Boolean);
}

const TIME_OR_DATE = new Set(["when", "day", "time", "date", "from", "to", "before"]);

/** The phrases that take a time or a date, filled in with `value`. */
function withTimes(language: Language, value: string): [string, string][] {
  return leaves(dictionaries[language])
    .filter(([, leaf]) => parameterNames(leaf).some((name) => TIME_OR_DATE.has(name)))
    .map(([path, leaf]) => [path, (leaf as (...values: string[]) => string)(value, value, value)]);
}

describe("the patient dictionaries", () => {
  // A Spanish time ends in "p.m.", an abbreviation's own period: "…a las 2:00 p.m.", never "…p.m..".
  const afternoon = "2026-11-30T14:00:00-07:00";
  const zone = "America/Denver";
  const values: Record<Language, string[]> = {
    en: [formatTime(afternoon, zone, "en"), `${formatLongDate(afternoon, zone, "en")}, ${formatTime(afternoon, zone, "en")}`],
    es: [formatTime(afternoon, zone, "es"), `${formatLongDate(afternoon, zone, "es")}, ${formatTime(afternoon, zone, "es")}`, "4 sept."],
  };

  it("writes Spanish times with a period of their own, which the tests below rely on", () => {
    expect(formatTime(afternoon, zone, "es")).toMatch(/p\.\s?m\.$/);
  });

  for (const language of ["en", "es"] as const) {
    it(`never ends a sentence in a double period when a time or date fills it in (${language})`, () => {
      const phrases = withTimes(language, "X").map(([path]) => path);
      expect(phrases).toEqual(expect.arrayContaining(["book.time.chosen", "terms.chosenDeadline"]));
      for (const value of values[language]) {
        const doubled = withTimes(language, value).filter(([, text]) => text.includes(".."));
        expect(doubled).toEqual([]);
      }
    });

    it(`has no doubled spaces, no space before punctuation and no space at either end (${language})`, () => {
      const spaced = filledIn(language, "X").filter(([, text]) => / {2}|\s[.,:;!?]|^\s|\s$/.test(text));
      expect(spaced).toEqual([]);
    });
  }

  it("names a time zone in Spanish without reading \"en hora de\"", () => {
    // The zone's Spanish name starts with "hora": "Hora mostrada en hora de las Montañas Rocosas" says "hour" twice.
    const zoneName = formatZoneName("America/Denver", "es");
    expect(zoneName).toMatch(/^hora /);
    const phrases = leaves(es).filter(([, leaf]) => parameterNames(leaf).includes("zone"));
    expect(phrases.map(([path]) => path)).toEqual(expect.arrayContaining(["slots.timeZoneNote"]));
    const repeated = phrases.map(([path, leaf]) => [path, (leaf as (zone: string) => string)(zoneName)]).filter(([, text]) => /\ben hora\b/i.test(text!));
    expect(repeated).toEqual([]);
  });

  it("leaves no English in the Spanish dictionary", () => {
    const spanish = new Map(filledIn("es", "X"));
    // A range's dash reads the same in both languages.
    const sameInBoth = new Set(["slots.week"]);
    const untranslated = filledIn("en", "X").filter(([path, text]) => !sameInBoth.has(path) && spanish.get(path) === text);
    expect(untranslated).toEqual([]);
  });
});
