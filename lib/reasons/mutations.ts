import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { slugTakenMessage, slugToUse } from "../text/slug";
import { assertReasonAdmin } from "./access";
import { moveDirectionSchema, reasonCreateSchema, reasonIdSchema, reasonLabelsSchema, type MoveDirection, type ReasonCreateForm, type ReasonLabelsForm } from "./schema";
import type { RequestContext } from "../http/request-context";

/** The clock and the caller's address, as every audited write takes them. */
export type WriteContext = RequestContext;

const NO_SUCH_REASON = "No such reason for visit. Reload the page to see the current list.";

function parseOrThrow<S extends z.ZodType>(input: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields: fieldMessages(parsed.error, { flat: true }) });
  return parsed.data;
}

function parseId(id: string): string {
  if (!reasonIdSchema.safeParse(id).success) throw new AppError("NOT_FOUND", NO_SUCH_REASON);
  return id;
}

// Adding and moving reasons both read the whole order and then write it;
// this lock makes two administrators' changes apply one after the other
// instead of both numbering from the same starting order.
const REASON_ORDER_LOCK = 741_853_317;

async function lockOrder(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REASON_ORDER_LOCK})`;
}

async function lockReason(tx: Prisma.TransactionClient, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "VisitReason" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", NO_SUCH_REASON);
  return tx.visitReason.findUniqueOrThrow({ where: { id } });
}

function audit(tx: Prisma.TransactionClient, staff: StaffMember, ctx: WriteContext, action: "settings.reason.create" | "settings.reason.update", id: string, detail: Prisma.InputJsonValue) {
  return recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action, entity: "VisitReason", entityId: id, ipAddress: ctx.ipAddress, detail });
}

/**
 * Adds a reason at the end of the list, active. Its slug (what a visit
 * records) comes from the English label and never changes afterwards, so
 * relabelling a reason does not change what past visits said.
 */
export async function createReason(staff: StaffMember, input: ReasonCreateForm, ctx: WriteContext): Promise<{ id: string }> {
  assertReasonAdmin(staff);
  const { slug: wanted, ...labels } = parseOrThrow(input, reasonCreateSchema);
  return getPrisma().$transaction(async (tx) => {
    await lockOrder(tx);
    const last = await tx.visitReason.aggregate({ _max: { sortOrder: true } });
    // "other" names the booking form's own "Something else" choice; a reason may not take it.
    const taken = async (candidate: string) => candidate === "other" || (await tx.visitReason.findUnique({ where: { slug: candidate }, select: { id: true } })) !== null;
    const slug = await slugToUse(wanted, labels.labelEn, taken, "reason");
    if (!slug) throw new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields: { slug: slugTakenMessage("reason for visit") } });
    const created = await tx.visitReason.create({ data: { ...labels, slug, sortOrder: (last._max.sortOrder ?? -1) + 1 }, select: { id: true } });
    await audit(tx, staff, ctx, "settings.reason.create", created.id, { slug });
    return created;
  });
}

/** Changes a reason's labels; the audit names the labels that changed. */
export async function updateReasonLabels(staff: StaffMember, id: string, input: ReasonLabelsForm, ctx: WriteContext): Promise<{ changed: string[] }> {
  assertReasonAdmin(staff);
  parseId(id);
  const labels = parseOrThrow(input, reasonLabelsSchema);
  return getPrisma().$transaction(async (tx) => {
    const before = await lockReason(tx, id);
    const changed = (["labelEn", "labelEs"] as const).filter((field) => before[field] !== labels[field]);
    if (changed.length === 0) return { changed };
    await tx.visitReason.update({ where: { id }, data: labels });
    await audit(tx, staff, ctx, "settings.reason.update", id, { changed });
    return { changed };
  });
}

/**
 * Swaps a reason with its neighbour above or below, and numbers the whole
 * list 0, 1, 2 … so that reasons with equal positions get distinct ones.
 */
export async function moveReason(staff: StaffMember, id: string, direction: MoveDirection, ctx: WriteContext): Promise<void> {
  assertReasonAdmin(staff);
  parseId(id);
  const parsed = moveDirectionSchema.safeParse(direction);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Move a reason up or down.", { fields: { direction: "Move a reason up or down." } });
  const step = parsed.data === "up" ? -1 : 1;
  await getPrisma().$transaction(async (tx) => {
    await lockOrder(tx);
    const order = await tx.visitReason.findMany({ orderBy: [{ sortOrder: "asc" }, { slug: "asc" }], select: { id: true, sortOrder: true } });
    const at = order.findIndex((r) => r.id === id);
    if (at < 0) throw new AppError("NOT_FOUND", NO_SUCH_REASON);
    const to = at + step;
    if (to < 0 || to >= order.length) throw new AppError("INVALID_TRANSITION", step < 0 ? "This reason is already first." : "This reason is already last.");
    [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [position, reason] of order.entries()) {
      if (reason.sortOrder !== position) await tx.visitReason.update({ where: { id: reason.id }, data: { sortOrder: position } });
    }
    await audit(tx, staff, ctx, "settings.reason.update", id, { changed: ["sortOrder"], moved: direction });
  });
}

/**
 * Takes a reason off the booking form, or puts it back. Reasons are never
 * deleted: visits booked with one keep naming it.
 */
export async function setReasonActive(staff: StaffMember, id: string, active: boolean, ctx: WriteContext): Promise<void> {
  assertReasonAdmin(staff);
  parseId(id);
  await getPrisma().$transaction(async (tx) => {
    const before = await lockReason(tx, id);
    if (before.active === active) return;
    await tx.visitReason.update({ where: { id }, data: { active } });
    await audit(tx, staff, ctx, "settings.reason.update", id, { changed: ["active"], active });
  });
}
