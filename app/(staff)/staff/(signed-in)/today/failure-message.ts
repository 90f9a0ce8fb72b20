import type { ActionFailure } from "@/lib/actions/action-result";
import { translator } from "@/lib/i18n/catalog";

/** What a therapist reads when the visit form is refused; every answer says whether anything was kept. */
export function failureMessage(error: ActionFailure): string {
  // Staff pages ship in English; the words come from the catalogue like the page's own.
  const t = translator("en", "staffToday.form");
  switch (error.code) {
    case "STALE":
      return t("stale");
    case "VALIDATION_FAILED":
      return error.fields.body ?? error.message;
    case "NOT_FOUND":
      return t("notFound");
    case "UNAUTHORIZED":
      return t("signedOut");
    default:
      return t("nothingSaved", { reason: error.message });
  }
}
