import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PatientTimeNote } from "@/components/booking/patient-time-note";
import { LinkNotValid } from "@/components/site/link-not-valid";
import { VideoRoom } from "@/components/video/video-room";
import { formatLongDate, formatTime, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { catalogs } from "@/lib/i18n/catalog";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { findVisitRoom, type VisitRoomSummary } from "@/lib/video/data";
import { RoomCountdown } from "./room-countdown";

// The patient's video room. The page only says where the visit stands; the
// room itself (camera check, waiting room, call) runs in the browser. Before
// the room opens, a countdown asks the server for this page again when it
// does, so the room appears without a reload.

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[lang]/visit/[token]">): Promise<Metadata> {
  const { lang } = await params;
  const title = isLanguage(lang) ? (await getTranslations({ locale: lang, namespace: "videoJoin" }))("title") : undefined;
  return { title, robots: { index: false, follow: false } };
}

export default async function VisitRoomPage({ params }: PageProps<"/[lang]/visit/[token]">) {
  const { lang, token } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "videoJoin" });
  const now = new Date();
  const room = await findVisitRoom(token, now);
  if (!room) {
    return <LinkNotValid title={t("title")} message={t("notFound")} />;
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <VisitHeader room={room} lang={lang} />
      <div className="mt-8">
        <RoomBody room={room} lang={lang} token={token} now={now} />
      </div>
    </>
  );
}

async function VisitHeader({ room, lang }: { room: VisitRoomSummary; lang: Language }) {
  const t = await getTranslations({ locale: lang, namespace: "videoJoin" });
  return (
    <div className="mt-3 space-y-1 text-lg">
      <p>
        {room.serviceName[lang]} {t("with", { therapist: room.therapistName })}
      </p>
      <p>
        <span className="font-semibold">{formatLongDate(room.start, room.timeZone, lang)}</span>, {formatTimeRange(room.start, room.end, room.timeZone, lang)}
      </p>
      <p className="text-base text-stone-700">
        {t("zoneNote", { zone: formatZoneName(room.timeZone, lang) })} <NextIntlClientProvider locale={lang} messages={{ videoVisit: catalogs[lang].videoVisit }}>
          <PatientTimeNote start={room.start} end={room.end} clinicZone={room.timeZone} language={lang} />
        </NextIntlClientProvider>
      </p>
    </div>
  );
}

async function RoomBody({ room, lang, token, now }: { room: VisitRoomSummary; lang: Language; token: string; now: Date }) {
  const t = await getTranslations({ locale: lang, namespace: "videoJoin" });
  if (room.phase === "early") {
    return (
      <div className="rounded-md border border-teal-700 bg-teal-50 p-4 text-lg">
        <p>{t("early", { time: formatTime(room.opensAt, room.timeZone, lang), date: formatLongDate(room.opensAt, room.timeZone, lang) })}</p>
        <NextIntlClientProvider locale={lang} messages={{ videoJoin: { countdown: catalogs[lang].videoJoin.countdown } }}>
          <RoomCountdown opensAt={Date.parse(room.opensAt)} serverNow={now.getTime()} />
        </NextIntlClientProvider>
      </div>
    );
  }
  if (room.phase === "cancelled") {
    return (
      <div className="space-y-4 rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        <p role="status">{t("cancelled")}</p>
        <Link
          href={`/${lang}/book`}
          className="inline-block rounded-md bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900"
        >
          {(await getTranslations({ locale: lang, namespace: "manage" }))("bookAgainAfterCancel")}
        </Link>
      </div>
    );
  }
  if (room.phase === "closed") {
    return (
      <p role="status" className="rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        {t("closed")}
      </p>
    );
  }
  if (room.externalUrl) {
    return (
      <div className="space-y-4">
        <p>{t("external")}</p>
        <a href={room.externalUrl} rel="noopener noreferrer" className="inline-block rounded-md bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900">
          {t("externalButton")}
        </a>
      </div>
    );
  }
  // The room's words travel to the browser only with the room; the countdown's with the countdown.
  return (
    <NextIntlClientProvider locale={lang} messages={{ videoRoom: catalogs[lang].videoRoom }}>
      <VideoRoom side={{ kind: "patient", token }} otherName={room.therapistName} />
    </NextIntlClientProvider>
  );
}
