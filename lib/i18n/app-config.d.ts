import type { Messages } from "./catalog";
import type { Language } from "./languages";

// Typed keys and locales for next-intl's translators (and use-intl's, which it re-exports).
declare module "use-intl" {
  interface AppConfig {
    Locale: Language;
    Messages: Messages;
  }
}
