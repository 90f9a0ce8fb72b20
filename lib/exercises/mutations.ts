import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import type { RequestContext } from "../http/request-context";
import { freeSlug } from "../text/slug";
import { exerciseFormSchema, exerciseIdSchema, type ExerciseForm } from "./schema";

const NO_SUCH_EXERCISE = "No such exercise. Reload the page to see the current library.";

function parseOrThrow<S extends z.ZodType>(input: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields: fieldMessages(parsed.error, { flat: true }) });
  return parsed.data;
}

/** Every staff role keeps the library: therapists prescribe from it, the desk and administrators tidy it. */
function assertMayKeepLibrary(staff: StaffMember) {
  if (staff.role !== "ADMIN" && staff.role !== "THERAPIST" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "Your role does not allow this.");
}

/**
 * Adds an exercise to the library, in use at once. Its slug comes from the
 * English name and never changes, so renaming it later keeps the slug that
 * seeds and exports name it by.
 */
export async function createExercise(staff: StaffMember, input: ExerciseForm, ctx: RequestContext, options: { slug?: string } = {}): Promise<{ id: string }> {
  assertMayKeepLibrary(staff);
  const data = parseOrThrow(input, exerciseFormSchema);
  return getPrisma().$transaction(async (tx) => {
    const slug = options.slug ?? (await freeSlug(data.nameEn, async (candidate) => (await tx.exercise.count({ where: { slug: candidate } })) > 0, "exercise"));
    const created = await tx.exercise.create({ data: { ...data, slug, createdById: staff.id }, select: { id: true } });
    await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "exercise.create", entity: "Exercise", entityId: created.id, ipAddress: ctx.ipAddress, detail: { slug } });
    return created;
  });
}

/**
 * Changes an exercise's words and default dose, or takes it out of the
 * library (active false). Staff change the exercises they added; an
 * administrator any. Programs already given keep the dose they were given.
 */
export async function updateExercise(staff: StaffMember, id: string, input: ExerciseForm & { active?: boolean }, ctx: RequestContext): Promise<{ id: string }> {
  assertMayKeepLibrary(staff);
  if (!exerciseIdSchema.safeParse(id).success) throw new AppError("NOT_FOUND", NO_SUCH_EXERCISE);
  const data = parseOrThrow(input, exerciseFormSchema);
  return getPrisma().$transaction(async (tx) => {
    const current = await tx.exercise.findUnique({ where: { id }, select: { createdById: true } });
    if (!current) throw new AppError("NOT_FOUND", NO_SUCH_EXERCISE);
    if (staff.role !== "ADMIN" && current.createdById !== staff.id) throw new AppError("FORBIDDEN", "You can change the exercises you added; ask an administrator to change this one.");
    await tx.exercise.update({ where: { id }, data: { ...data, ...(input.active === undefined ? {} : { active: input.active }) } });
    await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "exercise.update", entity: "Exercise", entityId: id, ipAddress: ctx.ipAddress });
    return { id };
  });
}
