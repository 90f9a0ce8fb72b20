import "server-only";
import type { BookingDto } from "../booking/api-types";
import type { Message, Prisma } from "../db/generated/client";
import type { Skip } from "../messages/kinds";
import { loadMessageVisit, visitForMessage, type MessageVisit } from "./visit";

const statusWords = (status: string) => status.toLowerCase().replace("_", " ");

/**
 * The visit a message speaks of, as it is now, with this message's own
 * links; or why the message is no longer called for: the visit is not in the
 * status the message is about (booked, unless said otherwise), or
 * `stillCalledFor`, the kind's own test made before any link is issued, says why not.
 */
export async function visitAsNow(
  tx: Prisma.TransactionClient,
  message: Message,
  now: Date,
  stillCalledFor: (visit: MessageVisit) => string | null = () => null,
  status: "BOOKED" | "CANCELLED" = "BOOKED",
): Promise<{ visit: MessageVisit; booking: BookingDto; to: string } | Skip> {
  const visit = await loadMessageVisit(tx, message);
  if (!visit) return { skip: "The visit no longer exists." };
  if (visit.status !== status) {
    return { skip: status === "BOOKED" ? `The visit is ${statusWords(visit.status)} now.` : `The visit is ${statusWords(visit.status)}, not ${statusWords(status)}.` };
  }
  const why = stillCalledFor(visit);
  if (why) return { skip: why };
  if (!visit.patient.email) return { skip: "The patient has no email address." };
  return { visit, booking: await visitForMessage(tx, message, visit, now), to: visit.patient.email };
}
