import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalog";
import { languages } from "./languages";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue, by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The placeholders a message takes (arguments, plurals, selects and rich-text tags), with their kind. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) found.add(`${element.value}`);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:${element.type}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(`${element.value}:${element.type}`);
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
    if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      placeholders(element.children, found);
    }
  }
  return found;
}

const reference = flatten(catalogs.en as unknown as Tree);

describe("the translation catalogue", () => {
  it.each(languages)("parses every %s message as ICU", (language) => {
    for (const [key, message] of flatten(catalogs[language] as unknown as Tree)) {
      expect(() => parse(message), key).not.toThrow();
    }
  });

  it.each(languages.filter((language) => language !== "en"))("has in %s exactly the keys and placeholders of English", (language) => {
    const messages = flatten(catalogs[language] as unknown as Tree);
    expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, message] of reference) {
      const translated = messages.get(key) ?? "";
      expect([...placeholders(parse(translated))].sort(), key).toEqual([...placeholders(parse(message))].sort());
    }
  });

  it("keeps the apostrophes of English words literal, as ICU quoting would swallow one before a brace", () => {
    for (const language of languages) {
      for (const [key, message] of flatten(catalogs[language] as unknown as Tree)) {
        expect(message, key).not.toMatch(/'[{}#|]/);
      }
    }
  });
});
