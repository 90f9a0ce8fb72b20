import type { Metadata } from "next";
import { staffIdleSeconds } from "@/lib/auth/config";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

function idleLimit(): string {
  const seconds = staffIdleSeconds();
  return seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? "" : "s"}` : `${seconds} seconds`;
}

const REASONS: Record<string, () => string> = {
  idle: () => `You were signed out after ${idleLimit()} without activity.`,
  expired: () => "Your session reached its time limit. Please sign in again.",
  revoked: () => "You have been signed out.",
  "signed-out": () => "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: PageProps<"/staff/sign-in">) {
  const { reason } = await searchParams;
  const notice = typeof reason === "string" ? REASONS[reason]?.() : undefined;
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold">Staff sign-in</h1>
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
