import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isSetupTokenUsable } from "@/lib/setup/data";
import { MIN_PASSWORD_LENGTH, TIME_ZONES } from "@/lib/setup/schema";
import { DeadLink } from "./dead-link";
import { SetupForm } from "./setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSetup");
  return { title: t("title") };
}

export default async function SetupPage({ params }: PageProps<"/setup/[token]">) {
  const { token } = await params;
  const usable = await isSetupTokenUsable(token, new Date());
  const t = await getTranslations("staffSetup");
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      {usable ? (
        <div className="space-y-6">
          <div className="space-y-2">
            <h1 className="text-2xl font-bold">{t("heading")}</h1>
            <p className="text-slate-700">{t("intro")}</p>
          </div>
          <SetupForm token={token} timeZones={TIME_ZONES} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </div>
      ) : (
        <DeadLink />
      )}
    </main>
  );
}
