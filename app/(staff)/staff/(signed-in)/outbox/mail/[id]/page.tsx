import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { readCaughtMail } from "@/lib/messages/data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffOutbox.mail");
  return { title: t("title") };
}

export default async function CaughtMailPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("ADMIN");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const mail = await readCaughtMail(staff, id.data, await staffContext());
  if (!mail) notFound();
  const t = await getTranslations("staffOutbox");

  return (
    <>
      <p className="text-sm">
        <Link href="/staff/outbox" className="font-medium text-teal-800 underline">
          {t("mail.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{mail.subject || t("caught.noSubject")}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("mail.from")}</dt>
        <dd>{mail.mailFrom}</dd>
        <dt className="text-slate-600">{t("mail.to")}</dt>
        <dd>{mail.rcptTo.join(", ")}</dd>
        <dt className="text-slate-600">{t("mail.received")}</dt>
        <dd>{mail.receivedAt.toISOString()}</dd>
        <dt className="text-slate-600">{t("mail.attachments")}</dt>
        <dd>{mail.attachments.length === 0
            ? t("mail.noAttachments")
            : mail.attachments.map((a) => t("mail.attachment", { filename: a.filename, contentType: a.contentType, size: a.size })).join("; ")}</dd>
      </dl>
      {mail.html ? (
        <section aria-labelledby="html-heading" className="mt-6">
          <h2 id="html-heading" className="text-lg font-semibold">
            {t("mail.html")}
          </h2>
          {/* An empty sandbox: the email's own HTML can run nothing and reach nothing here. */}
          <iframe title={t("mail.frameTitle", { subject: mail.subject })} sandbox="" srcDoc={mail.html} className="mt-2 h-[32rem] w-full rounded-lg border border-slate-300 bg-white" />
        </section>
      ) : null}
      <section aria-labelledby="text-heading" className="mt-6">
        <h2 id="text-heading" className="text-lg font-semibold">
          {t("mail.text")}
        </h2>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-slate-300 bg-white p-3 text-sm">{mail.text}</pre>
      </section>
    </>
  );
}
