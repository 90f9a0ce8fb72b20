"use client";

/** Lets a waiting patient in; answers null, or what went wrong in words the therapist can act on. */
export async function admitPatient(appointmentId: string, participantId: string): Promise<string | null> {
  // For anyone timing admission to first frame (the benchmark, the browser's performance panel).
  performance.mark("stride:admit");
  try {
    const response = await fetch(`/api/staff/visits/${appointmentId}/admit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ participantId }),
    });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? "The patient could not be let in. Please try again.";
  } catch {
    return "The patient could not be let in: the connection to Stride failed. Please try again.";
  }
}
