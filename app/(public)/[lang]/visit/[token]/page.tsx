import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientTimeNote } from "@/components/booking/patient-time-note";
import { VideoRoom } from "@/components/video/video-room";
import { formatLongDate, formatTime, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { findVisitRoom, type VisitRoomSummary } from "@/lib/video/data";

// The patient's video room. The page only says where the visit stands; the
// room itself (camera check, waiting room, call) runs in the browser.

export const dynamic = "force-dynamic";

const TEXT = {
  en: {
    title: "Your video visit",
    notFound: "This video link is not valid. Please use the link from your confirmation, or call the clinic.",
    with: (therapist: string) => `with ${therapist}`,
    early: (time: string, date: string) => `The video room opens 15 minutes before your visit, at ${time} on ${date}. Please come back then; this page does not open it by itself, so reload it at that time.`,
    closed: "This visit's video room has closed. It closes an hour after the visit ends. Please call the clinic if you need another visit.",
    cancelled: "This visit was cancelled, so its video room is closed. Please call the clinic if you would like to book again.",
    external: "Your clinic holds video visits on another meeting service. The button opens your visit there.",
    externalButton: "Open the video visit",
    zoneNote: (zone: string) => `Times in ${zone}, the clinic's time zone.`,
  },
  es: {
    title: "Su videoconsulta",
    notFound: "Este enlace de video no es válido. Use el enlace de su confirmación o llame a la clínica.",
    with: (therapist: string) => `con ${therapist}`,
    early: (time: string, date: string) => `La sala de video abre 15 minutos antes de su consulta, a las ${time} del ${date}. Vuelva a esa hora; esta página no se abre sola, así que recárguela entonces.`,
    closed: "La sala de video de esta consulta se cerró. Se cierra una hora después de terminar la consulta. Llame a la clínica si necesita otra cita.",
    cancelled: "Esta consulta se canceló, así que su sala de video está cerrada. Llame a la clínica si quiere reservar de nuevo.",
    external: "Su clínica hace las videoconsultas en otro servicio de reuniones. El botón abre su consulta allí.",
    externalButton: "Abrir la videoconsulta",
    zoneNote: (zone: string) => `Horas en ${zone}, la zona horaria de la clínica.`,
  },
} as const;

export async function generateMetadata({ params }: PageProps<"/[lang]/visit/[token]">): Promise<Metadata> {
  const { lang } = await params;
  return { title: isLanguage(lang) ? TEXT[lang].title : undefined, robots: { index: false, follow: false } };
}

export default async function VisitRoomPage({ params }: PageProps<"/[lang]/visit/[token]">) {
  const { lang, token } = await params;
  if (!isLanguage(lang)) notFound();
  const t = TEXT[lang];
  const room = await findVisitRoom(token, new Date());
  if (!room) {
    return (
      <>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p role="alert" className="mt-6 text-lg">
          {t.notFound}
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{t.title}</h1>
      <VisitHeader room={room} lang={lang} />
      <div className="mt-8">
        <RoomBody room={room} lang={lang} token={token} />
      </div>
    </>
  );
}

function VisitHeader({ room, lang }: { room: VisitRoomSummary; lang: Language }) {
  const t = TEXT[lang];
  return (
    <div className="mt-3 space-y-1 text-lg">
      <p>
        {room.serviceName[lang]} {t.with(room.therapistName)}
      </p>
      <p>
        <span className="font-semibold">{formatLongDate(room.start, room.timeZone, lang)}</span>, {formatTimeRange(room.start, room.end, room.timeZone, lang)}
      </p>
      <p className="text-base text-stone-700">
        {t.zoneNote(formatZoneName(room.timeZone, lang))} <PatientTimeNote start={room.start} end={room.end} clinicZone={room.timeZone} language={lang} />
      </p>
    </div>
  );
}

function RoomBody({ room, lang, token }: { room: VisitRoomSummary; lang: Language; token: string }) {
  const t = TEXT[lang];
  if (room.phase === "early") {
    return (
      <p role="status" className="rounded-md border border-teal-700 bg-teal-50 p-4 text-lg">
        {t.early(formatTime(room.opensAt, room.timeZone, lang), formatLongDate(room.opensAt, room.timeZone, lang))}
      </p>
    );
  }
  if (room.phase === "closed" || room.phase === "cancelled") {
    return (
      <p role="status" className="rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        {room.phase === "closed" ? t.closed : t.cancelled}
      </p>
    );
  }
  if (room.externalUrl) {
    return (
      <div className="space-y-4">
        <p>{t.external}</p>
        <a href={room.externalUrl} rel="noopener noreferrer" className="inline-block rounded-md bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900">
          {t.externalButton}
        </a>
      </div>
    );
  }
  return <VideoRoom lang={lang} side={{ kind: "patient", token }} otherName={room.therapistName} />;
}
