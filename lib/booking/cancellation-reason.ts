// The reason stored when a patient cancels online without giving one. Staff
// read it as it is; the patient's own page says it in the patient's language.
export const PATIENT_CANCELLED_REASON = "Cancelled by the patient";
