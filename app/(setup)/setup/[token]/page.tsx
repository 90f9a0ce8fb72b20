import type { Metadata } from "next";
import { isSetupTokenUsable } from "@/lib/setup/data";
import { MIN_PASSWORD_LENGTH, TIME_ZONES } from "@/lib/setup/schema";
import { DeadLink } from "./dead-link";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up your practice" };

export default async function SetupPage({ params }: PageProps<"/setup/[token]">) {
  const { token } = await params;
  const usable = await isSetupTokenUsable(token, new Date());
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      {usable ? (
        <div className="space-y-6">
          <div className="space-y-2">
            <h1 className="text-2xl font-bold">Set up your practice</h1>
            <p className="text-slate-700">Create the first administrator account and tell patients who you are. You can change the practice details later.</p>
          </div>
          <SetupForm token={token} timeZones={TIME_ZONES} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </div>
      ) : (
        <DeadLink />
      )}
    </main>
  );
}
