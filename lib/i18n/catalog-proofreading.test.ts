import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalog";
import { withoutDoubledPeriod } from "./final-period";
import { formatLongDate, formatTime, formatZoneName } from "./format-date-time";
import type { Language } from "./languages";

// Every patient-facing message of the catalogue, read the way a proof-reader
// would: whole, with the values the pages put into them. Staff namespaces
// (English only) are left to the staff pages' own tests.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value]] : flatten(value, path);
  });
}

function patientMessages(language: Language): [string, string][] {
  return flatten(catalogs[language] as unknown as Tree).filter(([path]) => !path.startsWith("staff") && !path.startsWith("messageTherapistNotice"));
}

/** The arguments a message takes: plain ones by name, plurals and selects with the first option a select offers. */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, "text" | "count" | string[]>()) {
  for (const element of elements) {
    if (element.type === TYPE.argument) found.set(element.value, "text");
    if (element.type === TYPE.plural) found.set(element.value, "count");
    if (element.type === TYPE.select) found.set(element.value, Object.keys(element.options));
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

const TIME_OR_DATE = new Set(["when", "day", "time", "date", "from", "to", "before", "start", "opening"]);

/** Each message filled in: text arguments with `value` (or only time-and-date ones when `timesOnly`), every select option tried. */
function filledIn(language: Language, value: string, timesOnly = false): [string, string][] {
  return patientMessages(language).flatMap(([path, message]) => {
    const args = argumentsOf(parse(message));
    if (timesOnly && ![...args.keys()].some((name) => TIME_OR_DATE.has(name))) return [];
    const selects = [...args].filter(([, kind]) => Array.isArray(kind)) as [string, string[]][];
    const choices: Record<string, string>[] = selects.length === 0 ? [{}] : selects[0]![1].map((option) => ({ [selects[0]![0]]: option }));
    return choices.map((choice): [string, string] => {
      const values: Record<string, unknown> = { ...choice };
      for (const [name, kind] of args) {
        if (kind === "text") values[name] = TIME_OR_DATE.has(name) || !timesOnly ? value : "X";
        if (kind === "count") values[name] = 2;
        if (Array.isArray(kind) && !(name in values)) values[name] = kind[0];
      }
      const text = new IntlMessageFormat(message, language).format<string>({
        ...values,
        ...Object.fromEntries([...message.matchAll(/<(\w+)>/g)].map(([, tag]) => [tag, (chunks: string[]) => chunks.join("")])),
      });
      return [path, Array.isArray(text) ? text.join("") : String(text)];
    });
  });
}

describe("the patient catalogue, proof-read", () => {
  // A Spanish time ends in "p.m.", an abbreviation's own period: "…a las 2:00 p.m.", never "…p.m..".
  const afternoon = "2026-11-30T14:00:00-07:00";
  const zone = "America/Denver";
  const values: Record<Language, string[]> = {
    en: [formatTime(afternoon, zone, "en"), `${formatLongDate(afternoon, zone, "en")}, ${formatTime(afternoon, zone, "en")}`],
    es: [formatTime(afternoon, zone, "es"), `${formatLongDate(afternoon, zone, "es")}, ${formatTime(afternoon, zone, "es")}`, "4 sept."],
  };

  it("writes Spanish times with a period of their own, which the checks below rely on", () => {
    expect(formatTime(afternoon, zone, "es")).toMatch(/p\.\s?m\.$/);
  });

  for (const language of ["en", "es"] as const) {
    it(`never ends a sentence in a double period once a time or date fills it in and the final period is merged (${language})`, () => {
      const phrases = filledIn(language, "X", true).map(([path]) => path);
      expect(phrases).toEqual(expect.arrayContaining(["manage.changeDeadline", "manage.reschedule.done", "videoJoin.early"]));
      for (const value of values[language]) {
        const doubled = filledIn(language, value, true)
          .map(([path, text]) => [path, withoutDoubledPeriod(text)])
          .filter(([, text]) => /(?<!\.)\.\.(?!\.)/.test(text!));
        expect(doubled).toEqual([]);
      }
    });

    it(`has no doubled spaces, no space before punctuation and no space at either end (${language})`, () => {
      const spaced = filledIn(language, "X").filter(([, text]) => / {2}|\s[.,:;!?]|^\s|\s$/.test(text));
      expect(spaced).toEqual([]);
    });
  }

  it('names a time zone in Spanish without reading "en hora de"', () => {
    // The zone's Spanish name starts with "hora": "Hora mostrada en hora de las Montañas Rocosas" says "hour" twice.
    const zoneName = formatZoneName("America/Denver", "es");
    expect(zoneName).toMatch(/^hora /);
    const phrases = patientMessages("es").filter(([, message]) => argumentsOf(parse(message)).has("zone"));
    expect(phrases.map(([path]) => path)).toEqual(expect.arrayContaining(["manage.timeZoneNote", "videoJoin.zoneNote"]));
    const repeated = phrases
      .map(([path, message]) => [path, new IntlMessageFormat(message, "es").format<string>({ zone: zoneName }) as string])
      .filter(([, text]) => /\ben hora\b/i.test(text!));
    expect(repeated).toEqual([]);
  });

  it("leaves no English in the Spanish catalogue", () => {
    const spanish = new Map(filledIn("es", "X"));
    // Words that read the same in both languages.
    const sameInBoth = new Set(["videoRoom.chatHeading"]);
    const untranslated = filledIn("en", "X").filter(([path, text]) => !sameInBoth.has(path) && spanish.get(path) === text);
    expect(untranslated).toEqual([]);
  });
});
