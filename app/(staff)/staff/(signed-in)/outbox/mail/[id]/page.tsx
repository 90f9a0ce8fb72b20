import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { readCaughtMail } from "@/lib/messages/data";

export const metadata: Metadata = { title: "Caught email" };

export default async function CaughtMailPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("ADMIN");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const mail = await readCaughtMail(staff, id.data, await staffContext());
  if (!mail) notFound();

  return (
    <>
      <p className="text-sm">
        <Link href="/staff/outbox" className="font-medium text-teal-800 underline">
          Back to the outbox
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{mail.subject || "(no subject)"}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">From</dt>
        <dd>{mail.mailFrom}</dd>
        <dt className="text-slate-600">To</dt>
        <dd>{mail.rcptTo.join(", ")}</dd>
        <dt className="text-slate-600">Received</dt>
        <dd>{mail.receivedAt.toISOString()}</dd>
        <dt className="text-slate-600">Attachments</dt>
        <dd>{mail.attachments.length === 0 ? "None" : mail.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} bytes)`).join("; ")}</dd>
      </dl>
      {mail.html ? (
        <section aria-labelledby="html-heading" className="mt-6">
          <h2 id="html-heading" className="text-lg font-semibold">
            As the recipient sees it
          </h2>
          {/* An empty sandbox: the email's own HTML can run nothing and reach nothing here. */}
          <iframe title={`The email “${mail.subject}” as sent`} sandbox="" srcDoc={mail.html} className="mt-2 h-[32rem] w-full rounded-lg border border-slate-300 bg-white" />
        </section>
      ) : null}
      <section aria-labelledby="text-heading" className="mt-6">
        <h2 id="text-heading" className="text-lg font-semibold">
          Plain text
        </h2>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-slate-300 bg-white p-3 text-sm">{mail.text}</pre>
      </section>
    </>
  );
}
