/** What the visit form shows after the server answers. */
export interface VisitFormState {
  outcome: "idle" | "saved" | "failed";
  message: string;
  /** Set when the note itself is what needs fixing. */
  noteError: string | null;
  /** New on every answer, so the same message twice still moves focus to it. */
  answeredAt: number;
}

export const INITIAL_VISIT_FORM_STATE: VisitFormState = { outcome: "idle", message: "", noteError: null, answeredAt: 0 };
