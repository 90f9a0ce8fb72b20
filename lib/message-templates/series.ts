import "server-only";
import type { Prisma } from "../db/generated/client";
import { translator } from "../i18n/catalog";
import { formatLongDate, formatTime } from "../i18n/format-date-time";
import type { Language } from "../i18n/languages";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import type { Block } from "./layout";
import type { MessageVisit } from "./visit";

/**
 * The other visits of a visit's plan of care, as they are when the message
 * is sent, each in its location's zone: a series is confirmed by one message
 * on its first visit, not one per visit.
 */
export async function seriesVisits(tx: Prisma.TransactionClient, visit: MessageVisit, language: Language): Promise<Block[]> {
  if (!visit.carePlanId) return [];
  const others = await tx.appointment.findMany({
    where: { carePlanId: visit.carePlanId, patientId: visit.patientId, id: { not: visit.id }, status: "BOOKED" },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true, location: { select: { timeZone: true } }, therapist: { select: { firstName: true } } },
  });
  if (others.length === 0) return [];
  const t = translator(language, "series");
  return [
    { kind: "heading", text: t("heading") },
    {
      kind: "list",
      items: others.map((o) => {
        const start = formatInstantWithOffset(o.startsAt.getTime(), o.location.timeZone);
        return t("visit", { when: `${formatLongDate(start, o.location.timeZone, language)}, ${formatTime(start, o.location.timeZone, language)}`, therapist: o.therapist.firstName });
      }),
    },
  ];
}
