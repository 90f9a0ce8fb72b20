import { z } from "zod";
import { patientDetailsSchema } from "../booking/schema";
import { languageSchema } from "../i18n/language-schema";

/** A patient buying a package online: who they are, as the booking form asks it (no address). */
export const packagePurchaseSchema = z.object({
  offerId: z.uuid({ error: "Choose a package." }),
  patient: patientDetailsSchema.omit({ address: true }),
  language: languageSchema.optional(),
});
export type PackagePurchaseInput = z.infer<typeof packagePurchaseSchema>;
