import "server-only";
import type { BookingDto } from "../booking/api-types";
import { buildIcs, icsMetaFor } from "../booking/ics";
import { hashManageToken } from "../booking/manage-token";
import { toBookingDto } from "../booking/mutations";
import { withPaymentTerms } from "../booking/payment-terms-data";
import { visitTermsText } from "../booking/visit-terms-text";
import type { Message, Prisma } from "../db/generated/client";
import { translator } from "../i18n/catalog";
import { formatDay, formatLongDate, formatTime, formatTimeRange, formatZoneName } from "../i18n/format-date-time";
import type { Language } from "../i18n/languages";
import type { Attachment, Sender } from "../messages/kinds";
import { recordLinks, type LinkRow } from "../patient-links/mutations";
import { messageLinkToken } from "../patient-links/tokens";
import { videoJoinTokenHashFor } from "../video/join-token";
import { OPENS_MINUTES_BEFORE } from "../video/room-window";
import type { Block } from "./layout";

const VISIT = { service: true, therapist: true, location: true, patient: true, room: true } as const;

export type MessageVisit = Prisma.AppointmentGetPayload<{ include: typeof VISIT }>;

/** The visit a message is about, as it is now; null when the row is gone. */
export async function loadMessageVisit(tx: Prisma.TransactionClient, message: Message): Promise<MessageVisit | null> {
  if (!message.appointmentId) return null;
  return tx.appointment.findUnique({ where: { id: message.appointmentId }, include: VISIT });
}

/** Several visits as they are now, soonest first (a message listing a patient's visits). */
export async function loadVisits(tx: Prisma.TransactionClient, ids: readonly string[]): Promise<MessageVisit[]> {
  if (ids.length === 0) return [];
  return tx.appointment.findMany({ where: { id: { in: [...ids] } }, include: VISIT, orderBy: { startsAt: "asc" } });
}

/**
 * The booking's links as this message carries them: derived from the
 * message, so a retried send carries the same ones, and recorded (only their
 * hashes) in the transaction that marks the message sent.
 */
export async function visitForMessage(tx: Prisma.TransactionClient, message: Message, visit: MessageVisit, now: Date): Promise<BookingDto> {
  const token = messageLinkToken(message.id, "manage", visit.bookingId);
  const base = { patientId: visit.patientId, bookingId: visit.bookingId, messageId: message.id };
  const rows: LinkRow[] = [{ ...base, tokenHash: hashManageToken(token), purpose: "MANAGE" }];
  if (visit.mode === "VIDEO") rows.push({ ...base, tokenHash: videoJoinTokenHashFor(token), purpose: "VIDEO" });
  await recordLinks(tx, rows);
  return withPaymentTerms(toBookingDto(visit, token, now), tx, visit.service);
}

/** The keys of the three things to bring (messageVisit.bringItems), the same for every way a visit happens, in the order listed. */
const BRING_ITEMS = ["0", "1", "2"] as const;

/** "Monday, December 7, 2026, 9:00 – 9:45 AM, Mountain Time (America/Denver)" */
export function visitWhen(b: BookingDto, language: Language): string {
  return `${formatLongDate(b.start, b.timeZone, language)}, ${formatTimeRange(b.start, b.end, b.timeZone, language)}, ${formatZoneName(b.timeZone, language)}`;
}

/** The start's day and time in the visit's zone, as a message's subject names them. */
export function visitStartWords(b: BookingDto, language: Language): { day: string; time: string } {
  return { day: formatDay(b.start, b.timeZone, language), time: formatTime(b.start, b.timeZone, language) };
}

function visitWhere(b: BookingDto, room: string | null, language: Language): string {
  const t = translator(language, "messageVisit");
  if (b.mode === "VIDEO") return t("byVideo");
  if (b.mode === "HOME" && b.visitAddress) {
    const a = b.visitAddress;
    return `${t("atHome")}\n${[a.line1, a.line2].filter(Boolean).join(", ")}\n${[a.city, a.postalCode].filter(Boolean).join(" ")}`;
  }
  const a = b.location.address;
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [room ? `${room}, ${b.location.name}` : b.location.name, [a.line1, a.line2].filter(Boolean).join(", "), cityLine].join("\n");
}

/** When, what, with whom, where, for how much and what a late cancellation costs: the facts every message about a visit starts with. */
export function visitFacts(b: BookingDto, room: string | null, language: Language): Block {
  const t = translator(language, "messageVisit");
  const terms = visitTermsText(language, { ...b.service, mode: b.mode });
  const therapist = `${b.therapist.firstName} ${b.therapist.lastName}, ${b.therapist.credentials}`;
  return {
    kind: "facts",
    rows: [
      { label: t("when"), value: visitWhen(b, language) },
      { label: t("what"), value: b.service.name[language] },
      { label: t("with"), value: therapist },
      { label: t("where"), value: visitWhere(b, room, language) },
      { label: t("price"), value: `${terms.price}. ${terms.payment}` },
      ...(terms.fees ? [{ label: t("fees"), value: terms.fees }] : []),
    ],
  };
}

/** How every message about one visit opens: the greeting, why it is written, and the visit's facts. */
export function visitOpening(b: BookingDto, room: string | null, language: Language, why: string): Block[] {
  const hello = translator(language, "messageVisit")("hello", { name: b.patient.firstName });
  return [{ kind: "paragraph", text: hello }, { kind: "paragraph", text: why }, visitFacts(b, room, language)];
}

/** The links a booked visit's messages carry: the video room (video visits) and the manage page. */
export function visitLinks(b: BookingDto, language: Language): Block[] {
  const t = translator(language, "messageVisit");
  return [
    ...(b.joinUrl ? [{ kind: "link" as const, label: t("joinVideo", { minutes: OPENS_MINUTES_BEFORE }), url: b.joinUrl }] : []),
    { kind: "link", label: t("manage"), url: b.manageUrl },
  ];
}

/** What to bring, for the way the visit happens. */
export function whatToBring(b: BookingDto, language: Language): Block[] {
  const t = translator(language, "messageVisit");
  return [{ kind: "heading", text: t("bring") }, { kind: "list", items: BRING_ITEMS.map((item) => t(`bringItems.${b.mode}.${item}`)) }];
}

/** The cut-off in words, and the practice's own policy when it has one. */
export function cancellationPolicy(b: BookingDto, sender: Sender, language: Language): Block[] {
  const t = translator(language, "messageVisit");
  const terms = visitTermsText(language, { ...b.service, mode: b.mode });
  const policy = sender.cancellationPolicy[language]?.trim();
  return [{ kind: "heading", text: t("policy") }, { kind: "paragraph", text: terms.changes }, ...(policy ? [{ kind: "paragraph" as const, text: policy }] : [])];
}

/** The visit as a calendar file: one UID per booking, a SEQUENCE that rises with each change. */
export function calendarAttachment(b: BookingDto, visit: MessageVisit, now: Date): Attachment {
  return {
    filename: "visit.ics",
    contentType: `text/calendar; charset=utf-8; method=${b.status === "CANCELLED" ? "CANCEL" : "PUBLISH"}`,
    content: buildIcs(b, icsMetaFor(visit, now)),
  };
}

export function calendarNote(language: Language): Block {
  return { kind: "paragraph", text: translator(language, "messageVisit")("calendarFile") };
}
