import "server-only";
import { DateTime } from "luxon";
import { publicBaseUrl } from "../env";
import { translator } from "../i18n/catalog";
import { formatLongDate, formatTime, formatZoneName } from "../i18n/format-date-time";
import type { Composer } from "../messages/kinds";
import { parseTherapistKey, type TherapistNotice } from "../messages/visit-changes";
import { renderEmail } from "./layout";
import { loadMessageVisit } from "./visit";

/** The times of the change that fall in this therapist's own schedule. */
function timesFor(notice: TherapistNotice): Date[] {
  const times: Date[] = [];
  if (notice.after.therapistId === notice.therapistId) times.push(notice.after.start);
  if (notice.before?.therapistId === notice.therapistId) times.push(notice.before.start);
  return times;
}

/**
 * A short note to a therapist when a visit of theirs today or tomorrow (in the
 * location's zone, decided when sent) is booked, moved to or from them, or
 * cancelled. Staff read English. It names the patient and the service only:
 * no birth date, no phone, no reason for the visit.
 */
export const composeTherapistNotice: Composer = async (tx, message, sender) => {
  const notice = parseTherapistKey(message.dedupeKey);
  if (!notice) return { skip: "The notice does not say which change it is about." };
  const visit = await loadMessageVisit(tx, message);
  if (!visit) return { skip: "The visit no longer exists." };
  const zone = visit.location.timeZone;
  const today = DateTime.now().setZone(zone).startOf("day");
  const close = timesFor(notice).some((at) => {
    const day = DateTime.fromJSDate(at, { zone }).startOf("day");
    return day.equals(today) || day.equals(today.plus({ days: 1 }));
  });
  if (!close) return { skip: "The change is not today or tomorrow for this therapist." };
  const login = await tx.staffUser.findUnique({ where: { therapistId: notice.therapistId }, select: { email: true, active: true } });
  if (!login?.email || !login.active) return { skip: "The therapist has no active staff login to send to." };

  const t = translator("en", "messageTherapistNotice");
  const when = (at: Date) => `${formatLongDate(at.toISOString(), zone, "en")}, ${formatTime(at.toISOString(), zone, "en")}`;
  const patient = [visit.patientFirstName ?? visit.patient.firstName, visit.patientLastName ?? visit.patient.lastName].join(" ");
  const names = new Map((await tx.therapist.findMany({ where: { id: { in: [notice.after.therapistId, notice.before?.therapistId ?? notice.after.therapistId] } } })).map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
  const therapistName = (id: string) => names.get(id) ?? t("anotherTherapist");
  const place = [visit.room?.name, visit.location.name].filter(Boolean).join(", ");
  const rows = [
    { label: t("patient"), value: patient },
    { label: t("service"), value: visit.service.nameEn },
    { label: t("when", { event: notice.event }), value: `${when(notice.after.start)}, ${formatZoneName(zone, "en")}` },
    ...(notice.before ? [{ label: t("was"), value: when(notice.before.start) }] : []),
    ...(notice.before && notice.before.therapistId !== notice.after.therapistId
      ? [{ label: t("therapist"), value: `${therapistName(notice.before.therapistId)} → ${therapistName(notice.after.therapistId)}` }]
      : []),
    { label: t("where"), value: t("place", { mode: visit.mode, location: visit.location.name, place }) },
  ];
  const title = t("subject", { event: notice.event, patient, when: when(notice.after.start) });
  const body = renderEmail({
    language: "en",
    title: t("what", { event: notice.event }),
    sender,
    blocks: [{ kind: "facts", rows }, { kind: "link", label: t("today"), url: `${publicBaseUrl()}/staff/today` }],
  });
  return { to: login.email, subject: title, ...body };
};
