import { z } from "zod";
import { versionStampSchema } from "../booking/schema";
import { visibleString } from "../text/visible-text";

// Shared by the visit form and the mutations, so both refuse the same input
// with the same words.

export const VISIT_NOTE_MAX_CHARS = 5000;

const noteText = visibleString({ error: "Write the note as text." })
  .trim()
  .max(VISIT_NOTE_MAX_CHARS, `Keep the note to ${VISIT_NOTE_MAX_CHARS} characters or fewer.`);

export const visitNoteSchema = z.object({
  appointmentId: z.uuid({ error: "No such appointment." }),
  body: noteText.min(1, "Write the note before saving it."),
});
export type VisitNoteInput = z.input<typeof visitNoteSchema>;

/** The form on each visit: save the note, or save it (if written) and mark the visit complete. */
export const visitFormSchema = z
  .object({
    appointmentId: z.uuid({ error: "No such appointment." }),
    body: noteText,
    intent: z.enum(["save", "complete"], { error: "Choose Save note or Save note and mark complete." }),
    /** The visit's updatedAt as the screen showed it. */
    expectedUpdatedAt: versionStampSchema("Reload the page and try again."),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "save" && value.body === "") {
      ctx.addIssue({ code: "custom", path: ["body"], message: "Write the note before saving it." });
    }
  });
export type VisitFormFields = z.input<typeof visitFormSchema>;
