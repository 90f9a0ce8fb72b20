import { translator } from "../i18n/catalog";
import { withoutDoubledPeriod } from "../i18n/final-period";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { Language } from "../i18n/languages";
import type { SmsReplyOutcome } from "./mutations";

/** One answer in one language: its sentence, then how to call the clinic when it has a number. */
function answer(language: Language, key: "confirmed" | "changeRequested" | "noVisit" | "other", values: { when?: string; phone: string | null }): string {
  const t = translator(language, "messageSmsReply");
  const sentence = key === "confirmed" || key === "changeRequested" ? t(key, { when: values.when ?? "" }) : t(key);
  return withoutDoubledPeriod(values.phone ? `${sentence} ${t("call", { phone: values.phone })}` : sentence);
}

/**
 * What Stride texts back to a reply: in the visit's language when there is
 * one, in both otherwise. Nothing for STOP, START and HELP, which Twilio
 * answers itself.
 */
export function replyText(outcome: SmsReplyOutcome): string | null {
  switch (outcome.kind) {
    case "confirmed":
    case "change-requested": {
      const { startsAt, timeZone, language, clinicPhone } = outcome.visit;
      const iso = startsAt.toISOString();
      const when = `${formatDay(iso, timeZone, language)}, ${formatTime(iso, timeZone, language)}`;
      // A confirmation needs no number to call; a change does, when the clinic has one.
      if (outcome.kind === "confirmed") return answer(language, "confirmed", { when, phone: null });
      return answer(language, "changeRequested", { when, phone: clinicPhone });
    }
    case "no-visit":
    case "other": {
      // No visit to go by: both languages, English first.
      const key = outcome.kind === "no-visit" ? "noVisit" : "other";
      return `${answer("en", key, { phone: outcome.clinicPhone })} / ${answer("es", key, { phone: outcome.clinicPhone })}`;
    }
    case "opted-out":
    case "opted-in":
    case "provider-answers":
      return null;
  }
}
