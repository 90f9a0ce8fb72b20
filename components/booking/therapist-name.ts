import type { TherapistDto } from "@/lib/booking/api-types";

export function therapistFullName(therapist: Pick<TherapistDto, "firstName" | "lastName">): string {
  return `${therapist.firstName} ${therapist.lastName}`;
}

/** A lookup from therapist id to full name, for slot labels. */
export function therapistNameLookup(therapists: TherapistDto[]): (therapistId: string) => string | null {
  const names = new Map(therapists.map((therapist) => [therapist.id, therapistFullName(therapist)]));
  return (therapistId) => names.get(therapistId) ?? null;
}
