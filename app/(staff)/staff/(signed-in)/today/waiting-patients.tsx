"use client";

import { buttonClass } from "@/components/form/button";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatTime } from "@/lib/i18n/format-date-time";
import { admitPatient } from "@/components/video/admit-patient";
import type { WaitingPatientDto } from "@/lib/video/api-types";

async function fetchWaiting(): Promise<WaitingPatientDto[]> {
  const response = await fetch("/api/staff/visits/waiting", { cache: "no-store" });
  if (!response.ok) throw new Error(`waiting ${response.status}`);
  return ((await response.json()) as { waiting: WaitingPatientDto[] }).waiting;
}

/** Patients in the video waiting room, live on the therapist's day: let them in from here. */
export function WaitingPatients({ zone }: { zone: string }) {
  const t = useTranslations("staffToday.waiting");
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useQuery({ queryKey: ["video-waiting"], queryFn: fetchWaiting, refetchInterval: 3_000, staleTime: 1_000 });
  const waiting = data ?? [];

  async function admit(patient: WaitingPatientDto) {
    setProblem(null);
    const failure = await admitPatient(patient.appointmentId, patient.participantId);
    if (failure) {
      setProblem(failure);
      return;
    }
    // A full page load, not a client-side one: the camera is allowed only in a document loaded as the room.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
    window.location.assign(`/staff/visit/${patient.appointmentId}`);
  }

  return (
    <section aria-labelledby="waiting-heading" aria-live="polite" className={waiting.length > 0 || problem ? "mt-6 rounded-lg border-2 border-teal-700 bg-teal-50 p-4" : "sr-only"}>
      <h2 id="waiting-heading" className="text-lg font-bold">
        {t("title")}
      </h2>
      {problem ? <p role="alert" className="mt-2 font-semibold text-red-800">{problem}</p> : null}
      {waiting.length === 0 ? (
        <p className="mt-1">{t("nobody")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {waiting.map((patient) => (
            <li key={patient.participantId} className="flex flex-wrap items-center gap-3">
              <span>
                {t.rich("patient", {
                  name: patient.patientName,
                  time: formatTime(patient.start, zone, "en"),
                  service: patient.serviceName,
                  strong: (chunks) => <span className="font-semibold">{chunks}</span>,
                })}
              </span>
              <button type="button" onClick={() => void admit(patient)} className={buttonClass("primary")}>
                {t("admit", { name: patient.patientName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
