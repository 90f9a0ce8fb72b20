import "server-only";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { StaffRole } from "../db/generated/client";
import { assertAdmin } from "./access";

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  therapist: { id: string; name: string } | null;
  createdAt: Date;
}

// Never the password hash.
const STAFF_ACCOUNT_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  therapist: { select: { id: true, firstName: true, lastName: true } },
} as const;

type AccountRow = { id: string; email: string; name: string; role: StaffRole; active: boolean; createdAt: Date; therapist: { id: string; firstName: string; lastName: string } | null };

function toStaffAccount(row: AccountRow): StaffAccount {
  const { therapist, ...rest } = row;
  return { ...rest, therapist: therapist ? { id: therapist.id, name: `${therapist.firstName} ${therapist.lastName}` } : null };
}

/** Every staff account, active ones first, for administrators. */
export async function listStaffAccounts(staff: StaffMember): Promise<StaffAccount[]> {
  assertAdmin(staff);
  const rows = await getPrisma().staffUser.findMany({ select: STAFF_ACCOUNT_SELECT, orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }] });
  return rows.map(toStaffAccount);
}

/** Active therapists without an account yet: the choices for a new therapist account. */
export async function listLinkableTherapists(staff: StaffMember): Promise<{ id: string; name: string }[]> {
  assertAdmin(staff);
  const rows = await getPrisma().therapist.findMany({
    where: { active: true, staffUser: { is: null } },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}` }));
}
