"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import { buttonClass } from "@/components/form/button";
import { ModalDialog } from "@/components/form/dialog";
import type { ReasonRow } from "@/lib/reasons/data";
import { moveReasonAction, setReasonActiveAction, updateReasonAction, type ReasonFormState } from "./actions";
import { ReasonLabelFields } from "./reason-label-fields";

const NO_FIELDS: Record<string, string> = {};
const moveButtonId = (id: string, direction: "up" | "down") => `reason-${id}-move-${direction}`;

/**
 * The reasons in their booking-form order, each with buttons to move it,
 * relabel it and take it off the form or put it back. After a move, focus
 * stays on the button pressed (or its partner, at either end), so a keyboard
 * user can press it again to keep moving the same reason.
 */
export function ReasonList({ reasons }: { reasons: ReasonRow[] }) {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const [refocus, setRefocus] = useState<{ id: string; direction: "up" | "down" } | null>(null);
  const [editing, setEditing] = useState<ReasonRow | null>(null);
  const t = useTranslations("staffSettings.reasons");

  useEffect(() => {
    if (!refocus || pending) return;
    const other = refocus.direction === "up" ? "down" : "up";
    const pressed = document.getElementById(moveButtonId(refocus.id, refocus.direction)) as HTMLButtonElement | null;
    const target = pressed && !pressed.disabled ? pressed : document.getElementById(moveButtonId(refocus.id, other));
    target?.focus();
  }, [refocus, pending, reasons]);

  if (reasons.length === 0) return <p className="text-slate-700">{t("none")}</p>;

  const move = (reason: ReasonRow, direction: "up" | "down") =>
    startTransition(async () => {
      const result = await moveReasonAction(reason.id, direction);
      setNotice(result.ok ? { text: t("moved", { label: reason.labelEn, direction }), failed: false } : { text: result.message, failed: true });
      setRefocus({ id: reason.id, direction });
    });
  const toggle = (reason: ReasonRow) =>
    startTransition(async () => {
      const result = await setReasonActiveAction(reason.id, !reason.active);
      const done = reason.active ? t("off", { label: reason.labelEn }) : t("back", { label: reason.labelEn });
      setNotice(result.ok ? { text: done, failed: false } : { text: result.message, failed: true });
    });

  return (
    <>
      <p role="status" className={`min-h-6 text-sm ${notice?.failed ? "text-red-800" : "text-slate-700"}`}>
        {notice?.text}
      </p>
      <ol className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {reasons.map((reason, i) => (
          <li key={reason.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {reason.labelEn}
                {reason.active ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">{t("inactive")}</span>}
              </p>
              <p lang="es" className="text-sm text-slate-700">
                {reason.labelEs}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <button
                id={moveButtonId(reason.id, "up")}
                type="button"
                disabled={i === 0 || pending}
                onClick={() => move(reason, "up")}
                className={buttonClass("secondary", "sm")}
              >
                {t("moveUp")}<Named reason={reason} />
              </button>
              <button
                id={moveButtonId(reason.id, "down")}
                type="button"
                disabled={i === reasons.length - 1 || pending}
                onClick={() => move(reason, "down")}
                className={buttonClass("secondary", "sm")}
              >
                {t("moveDown")}<Named reason={reason} />
              </button>
              <button type="button" onClick={() => setEditing(reason)} className={buttonClass("secondary", "sm")}>
                {t("edit")}<Named reason={reason} />
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => toggle(reason)}
                className={buttonClass("secondary", "sm")}
              >
                {t("toggle", { active: reason.active ? "yes" : "no" })}
                <Named reason={reason} />
              </button>
            </div>
          </li>
        ))}
      </ol>
      {editing ? (
        <EditReasonDialog
          reason={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setNotice({ text, failed: false });
          }}
        />
      ) : null}
    </>
  );
}

/**
 * The reason a row's button acts on, for screen readers: the button's name
 * starts with its visible words ("Move up (Plica syndrome)").
 */
function Named({ reason }: { reason: ReasonRow }) {
  return <span className="sr-only"> ({reason.labelEn})</span>;
}

function EditReasonDialog({ reason, onClose, onSaved }: { reason: ReasonRow; onClose: () => void; onSaved: (notice: string) => void }) {
  const [state, action, pending] = useActionState(updateReasonAction.bind(null, reason.id), {
    result: null,
    values: { labelEn: reason.labelEn, labelEs: reason.labelEs },
  } satisfies ReasonFormState);
  const failure = state.result && !state.result.ok ? state.result : null;
  const t = useTranslations("staffSettings");

  useEffect(() => {
    if (state.result?.ok) onSaved(t("reasons.saved", { label: state.values.labelEn ?? "" }));
  }, [state, onSaved, t]);

  return (
    <ModalDialog title={t("reasons.editTitle", { label: reason.labelEn })} onClose={onClose}>
      <form action={action} noValidate className="mt-4 space-y-4">
        {failure ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {failure.message}
          </p>
        ) : null}
        <p className="text-sm text-slate-700">{t("reasons.editNote")}</p>
        <ReasonLabelFields idPrefix="edit-reason" values={state.values} fields={failure?.fields ?? NO_FIELDS} />
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className={buttonClass("primary")} data-initial-focus>
            {pending ? t("saving") : t("reasons.save")}
          </button>
          <button type="button" onClick={onClose} className={buttonClass("secondary")}>
            {t("reasons.cancel")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
