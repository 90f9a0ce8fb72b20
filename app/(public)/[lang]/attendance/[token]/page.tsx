import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findAttendanceVisit, type AttendanceVisit } from "@/lib/attendance/data";
import { attendanceAnswerSchema, type AttendanceAnswer } from "@/lib/attendance/schema";
import { formatLongDate, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { answerAttendanceAction } from "./actions";

// A reminder's "I'll be there" and "I need to change" links open this page.
// Opening it changes nothing (mail scanners open links before people do);
// the answer is the button's POST.

export const dynamic = "force-dynamic";

const TEXT = {
  en: {
    title: { coming: "Will you be there?", change: "Need to change your visit?" },
    notFound: "This link is not valid. Please use the link in your reminder, or call the clinic.",
    with: (therapist: string) => `with ${therapist}`,
    zone: (zone: string) => `Times in ${zone}, the clinic's time zone.`,
    comingAsk: "Please let the clinic know that you will come to this visit.",
    comingButton: "Yes, I'll be there",
    comingDone: "Thank you. The clinic knows you will be there.",
    changeAsk: "Let the clinic know that this time no longer works for you. You can then change or cancel the visit yourself, or call the clinic.",
    changeButton: "Tell the clinic I need to change",
    changeDone: "Thank you. The clinic knows you need to change this visit.",
    options: "What you can do now",
    manage: "Change or cancel your visit",
    call: "Or call the clinic:",
    callNoPhone: "Or call the clinic; its number is in your reminder.",
    cancelled: "This visit was cancelled, so there is nothing to answer. Please call the clinic if you would like another visit.",
    past: "This visit has already started or taken place, so there is nothing to answer.",
    otherAnswer: { coming: "I need to change instead", change: "I'll be there after all" },
  },
  es: {
    title: { coming: "¿Vendrá a su cita?", change: "¿Necesita cambiar su cita?" },
    notFound: "Este enlace no es válido. Use el enlace de su recordatorio o llame a la clínica.",
    with: (therapist: string) => `con ${therapist}`,
    zone: (zone: string) => `Horas en la zona horaria de la clínica: ${zone}.`,
    comingAsk: "Avise a la clínica de que vendrá a esta cita.",
    comingButton: "Sí, ahí estaré",
    comingDone: "Gracias. La clínica sabe que usted vendrá.",
    changeAsk: "Avise a la clínica de que esta hora ya no le conviene. Después puede cambiar o cancelar la cita usted mismo, o llamar a la clínica.",
    changeButton: "Avisar a la clínica de que necesito cambiarla",
    changeDone: "Gracias. La clínica sabe que necesita cambiar esta cita.",
    options: "Lo que puede hacer ahora",
    manage: "Cambiar o cancelar su cita",
    call: "O llame a la clínica:",
    callNoPhone: "O llame a la clínica; su número está en su recordatorio.",
    cancelled: "Esta cita se canceló, así que no hay nada que responder. Llame a la clínica si desea otra cita.",
    past: "Esta cita ya empezó o ya pasó, así que no hay nada que responder.",
    otherAnswer: { coming: "Prefiero pedir un cambio", change: "Al final sí iré" },
  },
} as const;

export async function generateMetadata({ params, searchParams }: PageProps<"/[lang]/attendance/[token]">): Promise<Metadata> {
  const [{ lang }, query] = await Promise.all([params, searchParams]);
  const answer = attendanceAnswerSchema.safeParse(query.answer);
  // The address holds a private token: keep it out of search engines.
  return { title: isLanguage(lang) ? TEXT[lang].title[answer.success ? answer.data : "coming"] : undefined, robots: { index: false, follow: false } };
}

export default async function AttendancePage({ params, searchParams }: PageProps<"/[lang]/attendance/[token]">) {
  const [{ lang, token }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  const parsed = attendanceAnswerSchema.safeParse(query.answer);
  const answer: AttendanceAnswer = parsed.success ? parsed.data : "coming";
  const t = TEXT[lang];
  const visit = await findAttendanceVisit(token, new Date(), lang);
  if (!visit) {
    return (
      <>
        <h1 className="text-3xl font-bold">{t.title[answer]}</h1>
        <p role="alert" className="mt-6 text-lg">
          {t.notFound}
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{t.title[answer]}</h1>
      <VisitSummary visit={visit} lang={lang} />
      <div className="mt-8 max-w-2xl space-y-6">
        <Answer visit={visit} lang={lang} token={token} answer={answer} />
      </div>
    </>
  );
}

function VisitSummary({ visit, lang }: { visit: AttendanceVisit; lang: Language }) {
  const t = TEXT[lang];
  return (
    <div className="mt-3 space-y-1 text-lg">
      <p>
        {visit.serviceName[lang]} {t.with(visit.therapistName)}
      </p>
      <p>
        <span className="font-semibold">{formatLongDate(visit.start, visit.timeZone, lang)}</span>, {formatTimeRange(visit.start, visit.end, visit.timeZone, lang)}
      </p>
      <p>{visit.locationName}</p>
      <p className="text-base text-stone-700">{t.zone(formatZoneName(visit.timeZone, lang))}</p>
    </div>
  );
}

const BUTTON = "inline-flex items-center justify-center rounded-md bg-teal-800 px-5 py-3 text-lg font-semibold text-white hover:bg-teal-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

function Answer({ visit, lang, token, answer }: { visit: AttendanceVisit; lang: Language; token: string; answer: AttendanceAnswer }) {
  const t = TEXT[lang];
  if (visit.status !== "BOOKED" || visit.past) {
    return (
      <p role="status" className="rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        {visit.status === "CANCELLED" ? t.cancelled : t.past}
      </p>
    );
  }
  const done = answer === "coming" ? visit.patientConfirmedAt !== null : visit.changeRequestedAt !== null;
  const other: AttendanceAnswer = answer === "coming" ? "change" : "coming";
  return (
    <>
      {done ? (
        <p role="status" className="rounded-md border border-teal-700 bg-teal-50 p-4 text-lg">
          {answer === "coming" ? t.comingDone : t.changeDone}
        </p>
      ) : (
        <form action={answerAttendanceAction.bind(null, lang, token, answer)} className="space-y-4">
          <p className="text-lg">{answer === "coming" ? t.comingAsk : t.changeAsk}</p>
          <button type="submit" className={BUTTON}>
            {answer === "coming" ? t.comingButton : t.changeButton}
          </button>
        </form>
      )}
      {answer === "change" && done ? <ChangeOptions visit={visit} lang={lang} /> : null}
      <p>
        <a href={`/${lang}/attendance/${encodeURIComponent(token)}?answer=${other}`} className="font-medium text-teal-800 underline underline-offset-2">
          {t.otherAnswer[answer]}
        </a>
      </p>
    </>
  );
}

function ChangeOptions({ visit, lang }: { visit: AttendanceVisit; lang: Language }) {
  const t = TEXT[lang];
  return (
    <section aria-labelledby="change-options" className="space-y-3 rounded-xl border border-slate-300 bg-white p-4">
      <h2 id="change-options" className="text-xl font-semibold">
        {t.options}
      </h2>
      <p>
        <a href={visit.manageUrl} className="font-semibold text-teal-800 underline underline-offset-2">
          {t.manage}
        </a>
      </p>
      <p>
        {visit.phone ? (
          <>
            {t.call}{" "}
            <a href={`tel:${visit.phone.replace(/[^\d+]/g, "")}`} className="font-semibold text-teal-800 underline underline-offset-2">
              {visit.phone}
            </a>
          </>
        ) : (
          t.callNoPhone
        )}
      </p>
    </section>
  );
}
