import { z } from "zod";

export const STAFF_ROLES = ["ADMIN", "FRONT_DESK", "THERAPIST"] as const;

export const createStaffAccountSchema = z
  .object({
    email: z
      .string({ error: "Enter an email address." })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter a valid email address." }).max(254, "Use at most 254 characters.")),
    name: z.string({ error: "Enter the person's name." }).trim().min(1, "Enter the person's name.").max(100, "Use at most 100 characters."),
    role: z.enum(STAFF_ROLES, { error: "Choose a role." }),
    therapistId: z
      .string()
      .trim()
      .optional()
      .transform((s) => (s ? s : null))
      .pipe(z.guid({ error: "Choose a therapist from the list." }).nullable()),
  })
  .superRefine((account, ctx) => {
    // A therapist account reads that therapist's patients; any other role linked
    // to a therapist would blur whose patients it may see.
    if (account.role === "THERAPIST" && !account.therapistId) {
      ctx.addIssue({ code: "custom", path: ["therapistId"], message: "Choose the therapist this account belongs to." });
    }
    if (account.role !== "THERAPIST" && account.therapistId) {
      ctx.addIssue({ code: "custom", path: ["therapistId"], message: "Only therapist accounts are linked to a therapist." });
    }
  });

export type CreateStaffAccountForm = z.input<typeof createStaffAccountSchema>;

export type StaffAccountValues = z.output<typeof createStaffAccountSchema>;
