import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkNotValid } from "@/components/site/link-not-valid";
import { findAttendanceVisit, type AttendanceVisit } from "@/lib/attendance/data";
import { attendanceAnswerSchema, type AttendanceAnswer } from "@/lib/attendance/schema";
import { formatLongDate, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { answerAttendanceAction } from "./actions";

// A reminder's "I'll be there" and "I need to change" links open this page.
// Opening it changes nothing (mail scanners open links before people do);
// the answer is the button's POST.

export const dynamic = "force-dynamic";

export async function generateMetadata({ params, searchParams }: PageProps<"/[lang]/attendance/[token]">): Promise<Metadata> {
  const [{ lang }, query] = await Promise.all([params, searchParams]);
  const answer = attendanceAnswerSchema.safeParse(query.answer);
  // The address holds a private token: keep it out of search engines.
  return { title: isLanguage(lang) ? (await getTranslations({ locale: lang, namespace: "attendance" }))(`title.${answer.success ? answer.data : "coming"}`) : undefined, robots: { index: false, follow: false } };
}

export default async function AttendancePage({ params, searchParams }: PageProps<"/[lang]/attendance/[token]">) {
  const [{ lang, token }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  const parsed = attendanceAnswerSchema.safeParse(query.answer);
  const answer: AttendanceAnswer = parsed.success ? parsed.data : "coming";
  const [t, visit] = await Promise.all([getTranslations({ locale: lang, namespace: "attendance" }), findAttendanceVisit(token, new Date(), lang)]);
  if (!visit) {
    return <LinkNotValid title={t(`title.${answer}`)} message={t("notFound")} />;
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{t(`title.${answer}`)}</h1>
      <VisitSummary visit={visit} lang={lang} />
      <div className="mt-8 max-w-2xl space-y-6">
        <Answer visit={visit} lang={lang} token={token} answer={answer} />
      </div>
    </>
  );
}

async function VisitSummary({ visit, lang }: { visit: AttendanceVisit; lang: Language }) {
  const t = await getTranslations({ locale: lang, namespace: "attendance" });
  return (
    <div className="mt-3 space-y-1 text-lg">
      <p>
        {visit.serviceName[lang]} {t("with", { therapist: visit.therapistName })}
      </p>
      <p>
        <span className="font-semibold">{formatLongDate(visit.start, visit.timeZone, lang)}</span>, {formatTimeRange(visit.start, visit.end, visit.timeZone, lang)}
      </p>
      <p>{visit.locationName}</p>
      <p className="text-base text-stone-700">{t("zone", { zone: formatZoneName(visit.timeZone, lang) })}</p>
    </div>
  );
}

const BUTTON = "inline-flex items-center justify-center rounded-md bg-teal-800 px-5 py-3 text-lg font-semibold text-white hover:bg-teal-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

async function Answer({ visit, lang, token, answer }: { visit: AttendanceVisit; lang: Language; token: string; answer: AttendanceAnswer }) {
  const t = await getTranslations({ locale: lang, namespace: "attendance" });
  if (visit.status !== "BOOKED" || visit.past) {
    return (
      <p role="status" className="rounded-md border border-stone-400 bg-stone-50 p-4 text-lg">
        {visit.status === "CANCELLED" ? t("cancelled") : t("past")}
      </p>
    );
  }
  const done = answer === "coming" ? visit.patientConfirmedAt !== null : visit.changeRequestedAt !== null;
  const other: AttendanceAnswer = answer === "coming" ? "change" : "coming";
  return (
    <>
      {done ? (
        <p role="status" className="rounded-md border border-teal-700 bg-teal-50 p-4 text-lg">
          {answer === "coming" ? t("comingDone") : t("changeDone")}
        </p>
      ) : (
        <form action={answerAttendanceAction.bind(null, lang, token, answer)} className="space-y-4">
          <p className="text-lg">{answer === "coming" ? t("comingAsk") : t("changeAsk")}</p>
          <button type="submit" className={BUTTON}>
            {answer === "coming" ? t("comingButton") : t("changeButton")}
          </button>
        </form>
      )}
      {answer === "change" && done ? <ChangeOptions visit={visit} lang={lang} /> : null}
      <p>
        <a href={`/${lang}/attendance/${encodeURIComponent(token)}?answer=${other}`} className="font-medium text-teal-800 underline underline-offset-2">
          {t(`otherAnswer.${answer}`)}
        </a>
      </p>
    </>
  );
}

async function ChangeOptions({ visit, lang }: { visit: AttendanceVisit; lang: Language }) {
  const t = await getTranslations({ locale: lang, namespace: "attendance" });
  return (
    <section aria-labelledby="change-options" className="space-y-3 rounded-xl border border-slate-300 bg-white p-4">
      <h2 id="change-options" className="text-xl font-semibold">
        {t("options")}
      </h2>
      <p>
        <a href={visit.manageUrl} className="font-semibold text-teal-800 underline underline-offset-2">
          {t("manage")}
        </a>
      </p>
      <p>
        {visit.phone ? (
          <>
            {t("call")}{" "}
            <a href={`tel:${visit.phone.replace(/[^\d+]/g, "")}`} className="font-semibold text-teal-800 underline underline-offset-2">
              {visit.phone}
            </a>
          </>
        ) : (
          t("callNoPhone")
        )}
      </p>
    </section>
  );
}
