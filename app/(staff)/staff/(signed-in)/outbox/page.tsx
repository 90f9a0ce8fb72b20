import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { listCaughtMail, loadOutbox } from "@/lib/messages/data";
import { smsEnabled } from "@/lib/sms/config";
import { TestMessageForm } from "./test-message-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffOutbox");
  return { title: t("title") };
}

export default async function OutboxPage() {
  const staff = await requireStaff("ADMIN");
  const ctx = await staffContext();
  const [messages, caught] = await Promise.all([loadOutbox(staff, ctx), listCaughtMail(staff)]);
  const catcherOn = process.env.STRIDE_MAIL_CATCHER === "1";
  const t = await getTranslations("staffOutbox");
  const when = (date: Date | null) => (date ? t("at", { time: date.toISOString().replace("T", " ").slice(0, 16) }) : t("never"));

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>

      <section aria-labelledby="messages-heading" className="mt-8">
        <h2 id="messages-heading" className="text-lg font-semibold">
          {t("messages")}
        </h2>
        {messages.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("none")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("kindHeader")}</th>
                  <th scope="col" className="py-2 pr-3">{t("to")}</th>
                  <th scope="col" className="py-2 pr-3">{t("queued")}</th>
                  <th scope="col" className="py-2 pr-3">{t("sent")}</th>
                  <th scope="col" className="py-2 pr-3">{t("subjectOrProblem")}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-b border-slate-200 align-top">
                    <td className={`py-2 pr-3 font-medium ${m.status === "FAILED" ? "text-red-800" : ""}`}>{t("statusValue", { status: m.status })}</td>
                    <td className="py-2 pr-3">
                      {t("kindAndChannel", { kind: t("kind", { kind: m.kind }), channel: m.channel })}
                    </td>
                    <td className="py-2 pr-3">{m.recipient}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{when(m.queuedAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{when(m.sentAt)}</td>
                    <td className="py-2 pr-3">
                      {m.subject ?? ""}
                      {m.lastError ? (
                        <span className="block text-red-800">
                          {t("attempts", { error: m.lastError, count: m.attempts })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {catcherOn || caught.length > 0 ? (
        <section aria-labelledby="caught-heading" className="mt-10">
          <h2 id="caught-heading" className="text-lg font-semibold">
            {t("caught.title")}
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">
            {catcherOn ? t("caught.catcherOn") : t("caught.catcherOff")}
          </p>
          {caught.length === 0 ? (
            <p className="mt-3 text-slate-700">{t("caught.none")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {caught.map((mail) => (
                <li key={mail.id} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-sm">
                  <Link href={`/staff/outbox/mail/${mail.id}`} className="font-medium text-teal-800 underline">
                    {mail.subject || t("caught.noSubject")}
                  </Link>
                  <span className="text-slate-700">{t("caught.toAt", { recipients: mail.rcptTo.join(", "), time: when(mail.receivedAt) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="test-heading" className="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="test-heading" className="text-lg font-semibold">
          {t("testEmail")}
        </h2>
        <div className="mt-4">
          <TestMessageForm channel="EMAIL" defaultRecipient={staff.email} formId={randomUUID()} />
        </div>
      </section>

      {smsEnabled() ? (
        <section aria-labelledby="test-sms-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="test-sms-heading" className="text-lg font-semibold">
            {t("testSms")}
          </h2>
          <p className="mt-2 text-slate-700">{t("testSmsIntro")}</p>
          <div className="mt-4">
            <TestMessageForm channel="SMS" defaultRecipient="" formId={randomUUID()} />
          </div>
        </section>
      ) : null}
    </>
  );
}
