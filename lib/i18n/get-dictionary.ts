import { en, type Dictionary } from "./dictionaries/en";
import { es } from "./dictionaries/es";
import type { Language } from "./languages";

// Both dictionaries are small and plain, so client components import them
// directly instead of receiving (unserialisable) message functions as props.
const dictionaries: Record<Language, Dictionary> = { en, es };

export function getDictionary(language: Language): Dictionary {
  return dictionaries[language];
}
