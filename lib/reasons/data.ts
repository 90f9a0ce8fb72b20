import "server-only";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { assertReasonAdmin } from "./access";

export interface ReasonRow {
  id: string;
  slug: string;
  labelEn: string;
  labelEs: string;
  active: boolean;
}

/**
 * Every reason, active or not, in the order the booking form lists them.
 * The slug breaks ties so that the order is the same on every read.
 */
export async function listReasonsForSettings(staff: StaffMember): Promise<ReasonRow[]> {
  assertReasonAdmin(staff);
  return getPrisma().visitReason.findMany({
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, labelEn: true, labelEs: true, active: true },
  });
}
