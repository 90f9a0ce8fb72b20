import { translator } from "@/lib/i18n/catalog";
import { OPENS_MINUTES_BEFORE } from "@/lib/video/room-window";
import type { BookingDto } from "./api-types";

// RFC 5545 calendar file for one visit. Times are written in UTC so every
// calendar shows them right without a VTIMEZONE block.

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * TEXT escaping (RFC 5545 §3.3.11). Every line break (CRLF, LF or a bare CR)
 * becomes `\\n`: a raw CR would end the content line early in some readers and
 * let the rest of a value pose as a property of its own.
 */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Lines longer than 75 octets are folded with CRLF + space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + ch, "utf8") > limit) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export interface IcsMeta {
  /** The same for every version of one booking, so a calendar app updates the event it has. */
  uid: string;
  /** Rises with every change (RFC 5545 §3.8.7.4): the newest version wins. */
  sequence: number;
  stamp: Date;
  updatedAt: Date;
}

/**
 * One visit as a calendar event. A cancelled visit is sent with METHOD:CANCEL
 * and a higher SEQUENCE, so calendar apps remove the event they hold; a booked
 * one carries an alarm an hour before.
 */
export function buildIcs(b: BookingDto, meta: IcsMeta): string {
  const lang = b.language;
  const t = translator(lang, "calendarFile");
  const therapist = `${b.therapist.firstName} ${b.therapist.lastName}, ${b.therapist.credentials}`;
  const where =
    b.mode === "VIDEO" && b.joinUrl
      ? t("where", { joinUrl: b.joinUrl })
      : b.mode === "HOME" && b.visitAddress
      ? [b.visitAddress.line1, b.visitAddress.line2, b.visitAddress.city, b.visitAddress.postalCode].filter(Boolean).join(", ")
      : [b.location.name, b.location.address.line1, b.location.address.city, b.location.address.region, b.location.address.postalCode].join(", ");
  const summary = `${b.service.name[lang]} · ${b.mode === "VIDEO" ? t("videoVisit") : b.location.name}`;
  const description = [
    t("with", { therapist }),
    ...(b.mode === "VIDEO" && b.joinUrl ? [t("join", { minutes: OPENS_MINUTES_BEFORE, joinUrl: b.joinUrl })] : []),
    t("manage", { manageUrl: b.manageUrl }),
  ].join("\n");
  const cancelled = b.status === "CANCELLED";
  const alarm = cancelled
    ? []
    : [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT1H",
        `DESCRIPTION:${escapeText(summary)}`,
        "END:VALARM",
      ];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Stride//Clinic booking//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${cancelled ? "CANCEL" : "PUBLISH"}`,
    "BEGIN:VEVENT",
    `UID:${meta.uid}`,
    `SEQUENCE:${meta.sequence}`,
    `DTSTAMP:${utc(meta.stamp)}`,
    `LAST-MODIFIED:${utc(meta.updatedAt)}`,
    `DTSTART:${utc(new Date(b.start))}`,
    `DTEND:${utc(new Date(b.end))}`,
    `SUMMARY:${escapeText(summary)}`,
    `LOCATION:${escapeText(where)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${b.manageUrl}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    ...alarm,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** The calendar file's identity for one booking, kept across reschedules. */
export function icsMetaFor(a: { bookingId: string; revision: number; updatedAt: Date }, stamp: Date): IcsMeta {
  return { uid: `${a.bookingId}@stride`, sequence: a.revision, stamp, updatedAt: a.updatedAt };
}
