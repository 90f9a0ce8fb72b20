import type { ActionFailure } from "@/lib/actions/action-result";

/** What a therapist reads when the visit form is refused; every answer says whether anything was kept. */
export function failureMessage(error: ActionFailure): string {
  switch (error.code) {
    case "STALE":
      return "Someone else changed this visit a moment ago, so nothing was saved. The page now shows the visit as it is: check it, then try again.";
    case "INVALID_TRANSITION":
      return `${error.message} Nothing was saved.`;
    case "VALIDATION_FAILED":
      return error.fields.body ?? error.message;
    case "NOT_FOUND":
      return "This visit is no longer on your list, so nothing was saved.";
    case "UNAUTHORIZED":
      return "Your session has ended, so nothing was saved. Please sign in again.";
    default:
      return `${error.message} Nothing was saved.`;
  }
}
