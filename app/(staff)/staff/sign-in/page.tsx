import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { staffIdleSeconds } from "@/lib/auth/config";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSignIn");
  return { title: t("title") };
}

/** The notice for each reason a sign-in page is shown with; the keys are the `reason` values the app redirects with. */
const REASONS = { idle: "idle", expired: "expired", revoked: "revoked", "signed-out": "signedOut" } as const;

function isReason(reason: unknown): reason is keyof typeof REASONS {
  return typeof reason === "string" && Object.hasOwn(REASONS, reason);
}

export default async function SignInPage({ searchParams }: PageProps<"/staff/sign-in">) {
  const { reason } = await searchParams;
  const t = await getTranslations("staffSignIn");
  const seconds = staffIdleSeconds();
  const idle = seconds % 60 === 0 ? { unit: "minutes", count: seconds / 60 } : { unit: "seconds", count: seconds };
  const notice = isReason(reason) ? t(`reason.${REASONS[reason]}`, idle) : undefined;
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      {notice ? (
        <p role="status" className="mt-4 rounded-md border border-slate-300 bg-white p-3 text-sm">
          {notice}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm />
      </div>
    </main>
  );
}
