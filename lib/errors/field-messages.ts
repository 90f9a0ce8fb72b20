import type { z } from "zod";

/**
 * One message per field, the first zod gave for it: the API, the mutations
 * and the forms all key errors this way, so a message thrown deep in a
 * mutation lands under the same field a form checked before sending.
 * Nested paths are joined with dots ("patient.email"); `flat` keys by the
 * top-level name instead, for forms whose inputs are flat ("visitModes.0"
 * belongs to the visit-modes group). Issues about the whole object go under "_".
 */
export function fieldMessages(error: z.ZodError, options: { flat?: boolean } = {}): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = options.flat ? issue.path.slice(0, 1) : issue.path;
    const key = path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
