"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { keepSessionAlive } from "./actions";

const SIGNED_OUT = "/staff/sign-in?reason=idle";

/**
 * Warns a minute before the server ends an idle session, and leaves for the
 * sign-in page when it has. The server decides; this only keeps the screen
 * honest about it. Every navigation is server activity, so a new page starts
 * a new clock (the key remounts it).
 */
export function IdleWarning({ idleSeconds }: { idleSeconds: number }) {
  const pathname = usePathname();
  return <IdleClock key={pathname} idleSeconds={idleSeconds} />;
}

function IdleClock({ idleSeconds }: { idleSeconds: number }) {
  const t = useTranslations("staffShell.idle");
  const router = useRouter();
  const [activeAt, setActiveAt] = useState(() => Date.now());
  const [now, setNow] = useState(activeAt);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const idleMs = idleSeconds * 1000;
  const warnAfterMs = Math.max(idleSeconds - 60, Math.floor(idleSeconds / 2)) * 1000;
  const idleFor = now - activeAt;
  const warning = idleFor >= warnAfterMs;
  const secondsLeft = Math.max(0, Math.ceil((idleMs - idleFor) / 1000));

  useEffect(() => {
    if (idleFor >= idleMs) router.replace(SIGNED_OUT);
  }, [idleFor, idleMs, router]);
  useEffect(() => {
    if (warning) buttonRef.current?.focus();
  }, [warning]);

  async function stay() {
    try {
      await keepSessionAlive();
      const at = Date.now();
      setActiveAt(at);
      setNow(at);
    } catch {
      router.replace(SIGNED_OUT);
    }
  }

  if (!warning) return null;
  return (
    <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4">
      <div className="max-w-sm rounded-lg bg-white p-6 shadow-xl">
        <h2 id="idle-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        <p id="idle-text" className="mt-2">
          {t("text", { seconds: secondsLeft })}
        </p>
        <button ref={buttonRef} type="button" onClick={stay} className="mt-4 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
          {t("stay")}
        </button>
      </div>
    </div>
  );
}
