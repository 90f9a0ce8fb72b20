import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { catalogs, type Messages } from "./catalog";
import { withoutDoubledPeriod } from "./final-period";
import { formatLongDate, formatTime, formatZoneName } from "./format-date-time";
import type { Language } from "./languages";

// Every patient-facing message of the catalogue, read the way a proof-reader
// would: whole, with the values the pages and messages put into them, in every
// form its plurals and selects take.

type Tree = { [key: string]: string | Tree };

/** The namespaces patients read in both languages: not the staff pages, not the therapists' notices. */
const patientNamespaces = (Object.keys(catalogs.en) as (keyof Messages)[]).filter(
  (namespace) => !namespace.startsWith("staff") && catalogs.es[namespace] !== catalogs.en[namespace],
);

function flatten(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}.${key}`, value] as [string, string]] : flatten(value, `${prefix}.${key}`),
  );
}

function messagesOf(language: Language): [string, string][] {
  return patientNamespaces.flatMap((namespace) => flatten(catalogs[language][namespace] as unknown as Tree, namespace));
}

interface Argument {
  name: string;
  /** For a plural or select, the cases to try; a plain argument takes the value given. */
  cases: (string | number)[] | null;
}

function argumentsOf(elements: MessageFormatElement[], found = new Map<string, Argument>()): Map<string, Argument> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number) {
      if (!found.has(element.value)) found.set(element.value, { name: element.value, cases: null });
    }
    if (element.type === TYPE.plural) {
      found.set(element.value, { name: element.value, cases: [0, 1, 2, 61] });
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if (element.type === TYPE.select) {
      found.set(element.value, { name: element.value, cases: Object.keys(element.options).map((key) => (key === "other" ? "X" : key)) });
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

/** Names of the arguments that take a formatted time or date. */
const TIME_OR_DATE = new Set(["when", "day", "time", "date", "from", "to", "before", "clinicTime", "patientTime", "start", "previous"]);
const ZONE = new Set(["zone", "zoneName", "clinicZoneName"]);

/** Every form of a message, with each plain argument filled by `fill(name)`. */
function forms(message: string, fill: (name: string) => string): string[] {
  const args = [...argumentsOf(parse(message)).values()];
  let combinations: Record<string, string | number>[] = [{}];
  for (const arg of args) {
    const values = arg.cases ?? [fill(arg.name)];
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [arg.name]: value })));
  }
  const t = createTranslator({ locale: "en", messages: { m: message } });
  const tags = { b: (chunks: unknown) => chunks, link: (chunks: unknown) => chunks, strong: (chunks: unknown) => chunks };
  const hasTags = parse(message).some((element) => element.type === TYPE.tag);
  return combinations.map((values) => (hasTags ? t.markup("m", { ...values, ...tags } as never) : t("m", values as never)));
}

/** A message with a sentence that ends on a time or date, then its full stop: its callers pass it through withoutDoubledPeriod. */
function endsOnTime(message: string): boolean {
  const elements = parse(message);
  return elements.some((element, index) => {
    const next = elements[index + 1];
    return element.type === TYPE.argument && TIME_OR_DATE.has(element.value) && next?.type === TYPE.literal && next.value.startsWith(".");
  });
}

describe("the patient messages of the catalogue", () => {
  // A Spanish time ends in "p.m.", an abbreviation's own period: "…a las 2:00 p.m.", never "…p.m..".
  const afternoon = "2026-11-30T14:00:00-07:00";
  const zone = "America/Denver";
  const times: Record<Language, string[]> = {
    en: [formatTime(afternoon, zone, "en"), `${formatLongDate(afternoon, zone, "en")}, ${formatTime(afternoon, zone, "en")}`],
    es: [formatTime(afternoon, zone, "es"), `${formatLongDate(afternoon, zone, "es")}, ${formatTime(afternoon, zone, "es")}`, "4 sept."],
  };

  it("writes Spanish times with a period of their own, which the checks below rely on", () => {
    expect(formatTime(afternoon, zone, "es")).toMatch(/p\.\s?m\.$/);
  });

  it("reads the namespaces of the booking pages", () => {
    expect(patientNamespaces).toEqual(expect.arrayContaining(["book", "slots", "speakers", "terms", "videoVisit"]));
  });

  for (const language of ["en", "es"] as const) {
    it(`never ends a sentence in a double period when a time or date fills it in (${language})`, () => {
      const withTimes = messagesOf(language).filter(([, message]) => [...argumentsOf(parse(message)).keys()].some((name) => TIME_OR_DATE.has(name)));
      expect(withTimes.map(([key]) => key)).toEqual(expect.arrayContaining(["book.time.chosen", "terms.chosenDeadline", "slots.found", "slots.when"]));
      for (const value of times[language]) {
        const doubled = withTimes.flatMap(([key, message]) =>
          forms(message, (name) => (TIME_OR_DATE.has(name) ? value : "X"))
            .map((text) => (endsOnTime(message) ? withoutDoubledPeriod(text) : text))
            .filter((text) => /(?<!\.)\.\.(?!\.)/.test(text))
            .map((text) => [key, text]),
        );
        expect(doubled).toEqual([]);
      }
    });

    it(`has no doubled spaces, no space before punctuation and no space at either end (${language})`, () => {
      const spaced = messagesOf(language).flatMap(([key, message]) =>
        forms(message, () => "X")
          .filter((text) => / {2}|\s[.,:;!?]|^\s|\s$/.test(text))
          .map((text) => [key, text]),
      );
      expect(spaced).toEqual([]);
    });
  }

  it('names a time zone in Spanish without reading "en hora de"', () => {
    // The zone's Spanish name starts with "hora": "Hora mostrada en hora de las Montañas Rocosas" says "hour" twice.
    const zoneName = formatZoneName("America/Denver", "es");
    expect(zoneName).toMatch(/^hora /);
    const withZones = messagesOf("es").filter(([, message]) => [...argumentsOf(parse(message)).keys()].some((name) => ZONE.has(name)));
    expect(withZones.map(([key]) => key)).toEqual(expect.arrayContaining(["slots.timeZoneNote", "videoVisit.slots.yourZone"]));
    const repeated = withZones.flatMap(([key, message]) =>
      forms(message, (name) => (ZONE.has(name) ? zoneName : "X"))
        .filter((text) => /\ben hora\b/i.test(text))
        .map((text) => [key, text]),
    );
    expect(repeated).toEqual([]);
  });

  it("leaves no English in the Spanish messages", () => {
    const spanish = new Map(messagesOf("es").map(([key, message]) => [key, forms(message, () => "X").join("\n")]));
    // A range's dash, a day beside its time and the video room's "Chat" read the same in both languages.
    const sameInBoth = new Set(["slots.week", "videoVisit.patientClock", "videoRoom.chatHeading"]);
    const untranslated = messagesOf("en")
      .map(([key, message]) => [key, forms(message, () => "X").join("\n")] as const)
      .filter(([key, text]) => !sameInBoth.has(key) && spanish.get(key) === text);
    expect(untranslated).toEqual([]);
  });
});
