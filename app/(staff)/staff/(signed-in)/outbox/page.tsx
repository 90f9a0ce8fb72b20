import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { listCaughtMail, loadOutbox, messageKindLabel } from "@/lib/messages/data";
import { smsEnabled } from "@/lib/sms/config";
import { TestMessageForm } from "./test-message-form";

export const metadata: Metadata = { title: "Outbox" };

const STATUS_LABEL = { FAILED: "Failed", QUEUED: "Waiting", SKIPPED: "Not needed", SENT: "Sent" } as const;

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function OutboxPage() {
  const staff = await requireStaff("ADMIN");
  const ctx = await staffContext();
  const [messages, caught] = await Promise.all([loadOutbox(staff, ctx), listCaughtMail(staff)]);
  const catcherOn = process.env.STRIDE_MAIL_CATCHER === "1";

  return (
    <>
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Every message Stride has queued, failures first. A message is written when it is sent, from the visit as it is then; one the visit no longer calls for is marked
        &ldquo;not needed&rdquo;.
      </p>

      <section aria-labelledby="messages-heading" className="mt-8">
        <h2 id="messages-heading" className="text-lg font-semibold">
          Messages
        </h2>
        {messages.length === 0 ? (
          <p className="mt-3 text-slate-700">No messages yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Messages, failures first, then the newest</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Kind</th>
                  <th scope="col" className="py-2 pr-3">To</th>
                  <th scope="col" className="py-2 pr-3">Queued</th>
                  <th scope="col" className="py-2 pr-3">Sent</th>
                  <th scope="col" className="py-2 pr-3">Subject or problem</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-b border-slate-200 align-top">
                    <td className={`py-2 pr-3 font-medium ${m.status === "FAILED" ? "text-red-800" : ""}`}>{STATUS_LABEL[m.status]}</td>
                    <td className="py-2 pr-3">
                      {messageKindLabel(m.kind)} ({m.channel === "EMAIL" ? "email" : "text"})
                    </td>
                    <td className="py-2 pr-3">{m.recipient}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{when(m.queuedAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{when(m.sentAt)}</td>
                    <td className="py-2 pr-3">
                      {m.subject ?? ""}
                      {m.lastError ? (
                        <span className="block text-red-800">
                          {m.lastError} ({m.attempts} {m.attempts === 1 ? "attempt" : "attempts"})
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
            Mail caught on this server
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">
            {catcherOn
              ? "No mail server is configured (SMTP_URL), so email goes to Stride's own mail catcher and stops here: nobody outside receives it."
              : "Mail the built-in catcher received before a mail server was configured."}
          </p>
          {caught.length === 0 ? (
            <p className="mt-3 text-slate-700">Nothing caught yet.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {caught.map((mail) => (
                <li key={mail.id} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-sm">
                  <Link href={`/staff/outbox/mail/${mail.id}`} className="font-medium text-teal-800 underline">
                    {mail.subject || "(no subject)"}
                  </Link>
                  <span className="text-slate-700">
                    to {mail.rcptTo.join(", ")} · {when(mail.receivedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="test-heading" className="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="test-heading" className="text-lg font-semibold">
          Check that email reaches people
        </h2>
        <div className="mt-4">
          <TestMessageForm channel="EMAIL" defaultRecipient={staff.email} formId={randomUUID()} />
        </div>
      </section>

      {smsEnabled() ? (
        <section aria-labelledby="test-sms-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="test-sms-heading" className="text-lg font-semibold">
            Check that text messages reach people
          </h2>
          <p className="mt-2 text-slate-700">Sent through Twilio to the phone number you enter, as a patient&rsquo;s texts are.</p>
          <div className="mt-4">
            <TestMessageForm channel="SMS" defaultRecipient="" formId={randomUUID()} />
          </div>
        </section>
      ) : null}
    </>
  );
}
