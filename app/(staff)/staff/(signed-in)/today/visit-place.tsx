import type { VisitPlace } from "@/lib/visits/visit-place";

export function VisitPlaceText({ place, appointmentId }: { place: VisitPlace; appointmentId: string }) {
  switch (place.mode) {
    case "CLINIC":
      return (
        <>
          {place.locationName} · {place.roomName ?? "no room assigned yet"}
        </>
      );
    case "VIDEO":
      return (
        <>
          Video visit ·{" "}
          <a href={`/staff/visit/${appointmentId}`} className="font-medium text-teal-900 underline hover:text-teal-700">
            Open the video room
          </a>
        </>
      );
    case "HOME":
      return (
        <>
          <span className="font-semibold">Home visit:</span> {place.address}{" "}
          <a href={place.mapUrl} target="_blank" rel="noopener noreferrer" className="font-medium whitespace-nowrap text-teal-900 underline hover:text-teal-700">
            Open map<span className="sr-only"> of {place.address} (opens in a new tab)</span>
          </a>
        </>
      );
  }
}
