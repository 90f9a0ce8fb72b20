import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PatientTimeNote } from "@/components/booking/patient-time-note";
import { VideoRoom } from "@/components/video/video-room";
import { formatLongDate, formatTime, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { findVisitRoom, type VisitRoomSummary } from "@/lib/video/data";
import { RoomCountdown } from "./room-countdown";

// The patient's video room. The page only says where the visit stands; the
// room itself (camera check, waiting room, call) runs in the browser. Before
// the room opens, a countdown asks the server for this page again when it
// does, so the room appears without a reload.

export const dynamic = "force-dynamic";

const TEXT = {
  en: {
    title: "Your video visit",
    notFound: "This video link is not valid. Please use the link from your confirmation, or call the clinic.",
    with: (therapist: string) => `with ${therapist}`,
    early: (time: string, date: string) => `The video room opens 15 minutes before your visit, at ${time} on ${date}. Keep this page open: the room opens here by itself.`,
    closed: "This visit's video room has closed. It closes an hour after the visit ends. Please call the clinic if you need another visit.",
    cancelled: "This visit was cancelled, so its video room is closed. You can book a new visit online, or call the clinic.",
    external: "Your clinic holds video visits on another meeting service. The button opens your visit there.",
    externalButton: "Open the video visit",
    zoneNote: (zone: string) => `Times in ${zone}, the clinic's time zone.`,
  },
  es: {
    title: "Su videoconsulta",
    notFound: "Este enlace de video no es válido. Use el enlace de su confirmación o llame a la clínica.",
    with: (therapist: string) => `con ${therapist}`,
    early: (time: string, date: string) => `La sala de video abre 15 minutos antes de su consulta, a las ${time} del ${date}. Mantenga esta página abierta: la sala se abrirá aquí sola.`,
    closed: "La sala de video de esta consulta se cerró. Se cierra una hora después de terminar la consulta. Llame a la clínica si necesita otra cita.",
    cancelled: "Esta consulta se canceló, así que su sala de video está cerrada. Puede reservar una nueva cita en línea o llamar a la clínica.",
    external: "Su clínica hace las videoconsultas en otro servicio de reuniones. El botón abre su consulta allí.",
    externalButton: "Abrir la videoconsulta",
    zoneNote: (zone: string) => `Horas en la zona horaria de la clínica: ${zone}.`,
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
  const now = new Date();
  const room = await findVisitRoom(token, now);
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
        <RoomBody room={room} lang={lang} token={token} now={now} />
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

function RoomBody({ room, lang, token, now }: { room: VisitRoomSummary; lang: Language; token: string; now: Date }) {
  const t = TEXT[lang];
  if (room.phase === "early") {
    return (
      <div className="rounded-md border border-teal-700 bg-teal-50 p-4 text-lg">
        <p>{t.early(formatTime(room.opensAt, room.timeZone, lang), formatLongDate(room.opensAt, room.timeZone, lang))}</p>
        <RoomCountdown lang={lang} opensAt={Date.parse(room.opensAt)} serverNow={now.getTime()} />
      </div>
    );
  }
  if (room.phase === "cancelled") {
    return (
      <div className="space-y-4 rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        <p role="status">{t.cancelled}</p>
        <Link
          href={`/${lang}/book`}
          className="inline-block rounded-md bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900"
        >
          {getDictionary(lang).manage.bookAgainAfterCancel}
        </Link>
      </div>
    );
  }
  if (room.phase === "closed") {
    return (
      <p role="status" className="rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        {t.closed}
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
