import { formatDay, formatTime } from "../i18n/format-date-time";
import type { SmsReplyOutcome } from "./mutations";

const callEn = (phone: string | null) => (phone ? ` To talk to us, call ${phone}.` : "");
const callEs = (phone: string | null) => (phone ? ` Para hablar con nosotros, llame al ${phone}.` : "");

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
      if (outcome.kind === "confirmed") {
        return language === "es" ? `Gracias: su cita del ${when} queda confirmada.` : `Thank you: your visit on ${when} is confirmed.`;
      }
      return language === "es"
        ? `Gracias: le contactaremos para cambiar su cita del ${when}.${callEs(clinicPhone)}`
        : `Thank you: we will contact you to change your visit on ${when}.${callEn(clinicPhone)}`;
    }
    case "no-visit":
      return `We found no upcoming visit to answer for.${callEn(outcome.clinicPhone)} / No encontramos una cita próxima.${callEs(outcome.clinicPhone)}`;
    case "other":
      return `Reply C to confirm your visit or R to ask for a change.${callEn(outcome.clinicPhone)} / Responda C para confirmar su cita o R para pedir un cambio.${callEs(outcome.clinicPhone)}`;
    case "opted-out":
    case "opted-in":
    case "provider-answers":
      return null;
  }
}
