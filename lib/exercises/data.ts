import "server-only";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";

export interface ExerciseRow {
  id: string;
  slug: string;
  nameEn: string;
  nameEs: string;
  stepsEn: string;
  stepsEs: string;
  sets: number;
  repetitionsMin: number;
  repetitionsMax: number;
  holdSecondsMin: number | null;
  holdSecondsMax: number | null;
  perSide: boolean;
  active: boolean;
  /** The signed-in staff member may change it: they added it, or they are an administrator. */
  editable: boolean;
}

/** The library in name order, for the staff library page (all) and the visit's program form (active only). */
export async function listExercises(staff: StaffMember, options: { activeOnly?: boolean } = {}): Promise<ExerciseRow[]> {
  const rows = await getPrisma().exercise.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      nameEn: true,
      nameEs: true,
      stepsEn: true,
      stepsEs: true,
      sets: true,
      repetitionsMin: true,
      repetitionsMax: true,
      holdSecondsMin: true,
      holdSecondsMax: true,
      perSide: true,
      active: true,
      createdById: true,
    },
  });
  return rows.map(({ createdById, ...row }) => ({ ...row, editable: staff.role === "ADMIN" || createdById === staff.id }));
}
