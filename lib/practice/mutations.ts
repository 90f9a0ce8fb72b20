import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { checkImageUpload, type CheckedImage } from "../images/image-file";
import { storeImage } from "../images/mutations";
import { practiceSettingsSchema, type PracticeDetailField, type PracticeSettings, type PracticeSettingsForm } from "./schema";
import { FALLBACK_PRACTICE_NAME } from "./data";
import type { RequestContext } from "../http/request-context";

/** The clock and the caller's address, as every audited write takes them. */
export type WriteContext = RequestContext;

/** The stored details the form sets: everything it sends but the logo's removal, under their stored names. */
const STORED_FIELDS = [
  "name",
  "phone",
  "email",
  "address",
  "cancellationPolicyEn",
  "cancellationPolicyEs",
  "privacyPolicyEn",
  "privacyPolicyEs",
  "emailReminderHours",
  "smsReminderHours",
  "lateCancelWindowMinutes",
  "lateCancelFeeCents",
  "noShowFeeCents",
] as const satisfies readonly Exclude<keyof PracticeSettings, "removeLogo">[];

/** What each detail is before the practice is first saved (the database's defaults). */
const UNSAVED: Partial<Record<(typeof STORED_FIELDS)[number], string | number>> = {
  name: FALLBACK_PRACTICE_NAME,
  emailReminderHours: 24,
  smsReminderHours: 2,
  lateCancelWindowMinutes: 1440,
  lateCancelFeeCents: 0,
  noShowFeeCents: 0,
};

export interface PracticeUpdate {
  /** The details that changed, by name; empty when the form changed nothing. */
  changed: PracticeDetailField[];
}

/**
 * Saves the practice's details and logo for an administrator. The text and
 * the picture are checked first, together, so a refused logo leaves every
 * other field unsaved too and the form can show all its messages at once.
 * The audit names the fields that changed, never their values.
 */
export async function updatePracticeSettings(
  staff: StaffMember,
  input: PracticeSettingsForm,
  logoUpload: FormDataEntryValue | null,
  ctx: WriteContext,
): Promise<PracticeUpdate> {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change the practice's details.");
  const parsed = practiceSettingsSchema.safeParse(input);
  const fields = parsed.success ? {} : fieldMessages(parsed.error, { flat: true });
  let logo: CheckedImage | null = null;
  try {
    logo = await checkImageUpload(logoUpload, "logo");
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    Object.assign(fields, error.fields);
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields });
  }
  const { removeLogo, ...details } = parsed.data;

  return getPrisma().$transaction(async (tx) => {
    // Locked so that two administrators saving at once each see the other's
    // change when working out what theirs changed.
    const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Practice" WHERE "id" = 1 FOR UPDATE`;
    const before = rows.length > 0 ? await tx.practice.findUniqueOrThrow({ where: { id: 1 } }) : null;
    const changed: PracticeDetailField[] = STORED_FIELDS.filter((field) => (before ? before[field] : (UNSAVED[field] ?? null)) !== details[field]);

    const oldLogo = before?.logoImageId ?? null;
    let logoImageId = oldLogo;
    if (logo) logoImageId = await storeImage(tx, logo);
    else if (removeLogo) logoImageId = null;
    if (logoImageId !== oldLogo) changed.push("logo");
    if (changed.length === 0) return { changed };

    await tx.practice.upsert({ where: { id: 1 }, create: { id: 1, ...details, logoImageId }, update: { ...details, logoImageId } });
    // A replaced logo is no longer shown anywhere; its bytes go with it.
    if (oldLogo && oldLogo !== logoImageId) await tx.storedImage.delete({ where: { id: oldLogo } });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "settings.practice.update",
      entity: "Practice",
      entityId: "1",
      ipAddress: ctx.ipAddress,
      detail: { changed },
    });
    return { changed };
  });
}
