import { getTranslations } from "next-intl/server";
import type { VisitPlace } from "@/lib/visits/visit-place";

export async function VisitPlaceText({ place, appointmentId }: { place: VisitPlace; appointmentId: string }) {
  const t = await getTranslations("staffToday.place");
  switch (place.mode) {
    case "CLINIC":
      return <>{t("clinic", { location: place.locationName, room: place.roomName ?? t("noRoom") })}</>;
    case "VIDEO":
      return (
        <>
          {t.rich("video", {
            link: (chunks) => (
              <a href={`/staff/visit/${appointmentId}`} className="font-medium text-teal-900 underline hover:text-teal-700">
                {chunks}
              </a>
            ),
          })}
        </>
      );
    case "HOME":
      return (
        <>
          {t.rich("home", { address: place.address, strong: (chunks) => <span className="font-semibold">{chunks}</span> })}{" "}
          <a href={place.mapUrl} target="_blank" rel="noopener noreferrer" className="font-medium whitespace-nowrap text-teal-900 underline hover:text-teal-700">
            {t.rich("openMap", { address: place.address, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </a>
        </>
      );
  }
}
