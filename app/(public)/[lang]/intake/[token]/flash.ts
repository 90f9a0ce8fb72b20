import { z } from "zod";
import type { IntakeProblem } from "@/lib/progress/intake-forms";

/** The cookie that carries refused answers back to the intake page, scoped to that page's path. */
export const INTAKE_FLASH_COOKIE = "stride-intake-form";

export function intakePagePath(lang: string, token: string): string {
  return `/${lang}/intake/${encodeURIComponent(token)}`;
}

export interface IntakeFormState {
  problems: Record<string, IntakeProblem>;
  values: Record<string, string>;
}

const flashSchema = z.object({
  problems: z.record(z.string().max(40), z.enum(["required", "choose", "number", "range", "tooLong"])),
  values: z.record(z.string().max(40), z.string().max(2000)),
});

/** What the cookie says, or an empty form: a cookie from elsewhere (or altered) is ignored. */
export function readIntakeFlash(raw: string | undefined): IntakeFormState {
  if (!raw) return { problems: {}, values: {} };
  try {
    const parsed = flashSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { problems: {}, values: {} };
  } catch {
    return { problems: {}, values: {} };
  }
}
