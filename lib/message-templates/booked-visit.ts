import "server-only";
import type { BookingDto } from "../booking/api-types";
import type { Message, Prisma } from "../db/generated/client";
import type { Skip } from "../messages/kinds";
import { loadMessageVisit, visitForMessage, type MessageVisit } from "./visit";

/**
 * The booked visit a message speaks of, as it is now, with this message's own
 * links; or why the message is no longer called for. `stillCalledFor` adds
 * the kind's own test, made before any link is issued.
 */
export async function bookedVisitFor(
  tx: Prisma.TransactionClient,
  message: Message,
  now: Date,
  stillCalledFor: (visit: MessageVisit) => string | null = () => null,
): Promise<{ visit: MessageVisit; booking: BookingDto; to: string } | Skip> {
  const visit = await loadMessageVisit(tx, message);
  if (!visit) return { skip: "The visit no longer exists." };
  if (visit.status !== "BOOKED") return { skip: `The visit is ${visit.status.toLowerCase().replace("_", " ")} now.` };
  const why = stillCalledFor(visit);
  if (why) return { skip: why };
  if (!visit.patient.email) return { skip: "The patient has no email address." };
  return { visit, booking: await visitForMessage(tx, message, visit, now), to: visit.patient.email };
}
