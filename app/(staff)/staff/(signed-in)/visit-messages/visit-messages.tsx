"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { buttonClass } from "@/components/form/button";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { ActionResult } from "@/lib/actions/action-result";
import type { VisitMessageRow } from "@/lib/messages/data";
import { failedVisitMessagesAction, visitMessagesAction } from "./log-actions";
import { resendLinksAction, type ResendLinksState } from "./resend-actions";

/**
 * A visit's messages: a marker when one failed for good (shown unasked), the
 * list of every message (read on demand, since reading it is logged), and
 * for the front desk a button that sends the patient the visit's links again.
 */
export function VisitMessages({ appointmentId, canResend, timeZone, idPrefix }: { appointmentId: string; canResend: boolean; timeZone: string; idPrefix: string }) {
  const t = useTranslations("staffVisitMessages");
  const kind = useTranslations("staffOutbox");
  const [failed, setFailed] = useState(0);
  const [log, setLog] = useState<ActionResult<VisitMessageRow[]> | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    void failedVisitMessagesAction({ appointmentId }).then((answer) => {
      if (live && answer.ok) setFailed(answer.data);
    });
    return () => {
      live = false;
    };
  }, [appointmentId]);

  async function showLog() {
    setLoading(true);
    try {
      setLog(await visitMessagesAction({ appointmentId }));
    } finally {
      setLoading(false);
    }
  }

  const when = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  return (
    <div className="space-y-2 text-sm">
      {failed > 0 ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-2 font-medium text-red-800">
          {t("failed", { count: failed })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {canResend ? <ResendLinks appointmentId={appointmentId} /> : null}
        <button type="button" onClick={() => void showLog()} disabled={loading} aria-expanded={log?.ok === true} aria-controls={`${idPrefix}-messages`} className={buttonClass("secondary", "sm")}>
          {loading ? t("loading") : log ? t("refresh") : t("show")}
        </button>
      </div>
      <div id={`${idPrefix}-messages`}>
        {log && !log.ok ? <p className="text-red-800">{log.message}</p> : null}
        {log?.ok && log.data.length === 0 ? <p>{t("none")}</p> : null}
        {log?.ok && log.data.length > 0 ? (
          <ul className="space-y-2">
            {log.data.map((m) => (
              <li key={m.id} className="rounded-md border border-slate-200 p-2">
                <p className="font-medium">
                  {kind("kind", { kind: m.kind })} · {t("channel", { channel: m.channel })} ·{" "}
                  <span className={m.status === "FAILED" ? "text-red-800" : undefined}>{t("status", { status: m.status })}</span>
                </p>
                <p className="text-slate-700">{m.recipient ? t("to", { recipient: m.recipient }) : t("nobody")}</p>
                <p className="text-slate-700">
                  {m.sentAt ? t("queuedAndSent", { queued: when.format(m.queuedAt), sent: when.format(m.sentAt) }) : t("queued", { queued: when.format(m.queuedAt) })}
                </p>
                {m.lastError ? <p className={m.status === "FAILED" ? "text-red-800" : "text-slate-700"}>{m.lastError}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/**
 * One click, one message: each click sends a new form id, which the server
 * keys the message by, so a request repeated on the way queues nothing more.
 */
function ResendLinks({ appointmentId }: { appointmentId: string }) {
  const t = useTranslations("staffVisitMessages");
  const [state, action, pending] = useActionState(resendLinksAction, { result: null, values: {} } as ResendLinksState);
  // A live region, not role="status": a profile lists many visits, and the page's own status stays the one.
  const noticeRef = useFocusOn<HTMLParagraphElement>(state.result);
  const answer = state.result;
  const send = (form: FormData) => {
    form.set("formId", crypto.randomUUID());
    action(form);
  };
  return (
    <form action={send} className="contents">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? t("sending") : t("resend")}
      </button>
      <p ref={noticeRef} tabIndex={-1} aria-live="polite" className={`basis-full focus:outline-none ${answer && !answer.ok ? "text-red-800" : "text-teal-900"}`}>
        {answer
          ? answer.ok
            ? answer.data.queued
              ? t("sentTo", { recipient: answer.data.recipient })
              : t("alreadySent", { recipient: answer.data.recipient })
            : answer.message
          : null}
      </p>
    </form>
  );
}
