"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { ImportPreview, ImportResult } from "@/lib/data-transfer/schema";

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: string }
  | { kind: "refused"; message: string }
  | { kind: "previewed"; file: File; preview: ImportPreview }
  | { kind: "imported"; result: ImportResult };

/** Errors shown on the page; the count above says how many more there are. */
const SHOWN_ERRORS = 200;

export type ImportKind = "patients" | "appointments";

type Say = ReturnType<typeof useTranslations<"staffData">>;

async function send(kind: ImportKind, file: File, step: "preview" | "import", t: Say): Promise<{ ok: true; body: ImportResult } | { ok: false; message: string; body?: ImportResult }> {
  let response: Response;
  try {
    response = await fetch(`/api/staff/data/import/${kind}?step=${step}`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
  } catch {
    return { ok: false, message: t("notSent") };
  }
  const body = (await response.json().catch(() => null)) as (ImportResult & { error?: { message: string } }) | null;
  if (response.ok && body) return { ok: true, body };
  if (response.status === 422 && body && Array.isArray(body.errors)) return { ok: false, message: t("rowErrors"), body };
  return { ok: false, message: body?.error?.message ?? t("serverAnswered", { status: response.status }) };
}

function RowErrors({ preview }: { preview: ImportPreview }) {
  const t = useTranslations("staffData");
  if (preview.errors.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="font-semibold text-red-800">{t("problems", { count: preview.errors.length })}</h3>
      <table className="mt-2 w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4">{t("row")}</th>
            <th scope="col" className="py-1 pr-4">{t("column")}</th>
            <th scope="col" className="py-1">{t("problem")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.errors.slice(0, SHOWN_ERRORS).map((e) => (
            <tr key={`${e.row}-${e.column}`} className="border-t border-slate-200">
              <td className="py-1 pr-4">{e.row}</td>
              <td className="py-1 pr-4">
                <code>{e.column}</code>
              </td>
              <td className="py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportPanel({ kind }: { kind: ImportKind }) {
  const t = useTranslations("staffData");
  const [state, setState] = useState<State>({ kind: "idle" });
  const input = useRef<HTMLInputElement>(null);

  async function check() {
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ kind: "refused", message: t("chooseFirst") });
      return;
    }
    setState({ kind: "busy", what: t("checking") });
    const answer = await send(kind, file, "preview", t);
    setState(answer.ok ? { kind: "previewed", file, preview: answer.body } : { kind: "refused", message: answer.message });
  }

  async function confirm(file: File) {
    setState({ kind: "busy", what: t("importing") });
    const answer = await send(kind, file, "import", t);
    if (answer.ok) setState({ kind: "imported", result: answer.body });
    else if (answer.body) setState({ kind: "previewed", file, preview: answer.body });
    else setState({ kind: "refused", message: answer.message });
  }

  return (
    <div className="mt-4">
      <label htmlFor={`${kind}-file`} className="block font-medium text-slate-900">
        {t("fileLabel", { kind })}
      </label>
      <input ref={input} id={`${kind}-file`} type="file" accept=".csv,text/csv" className="mt-1 block" onChange={() => setState({ kind: "idle" })} />
      <button type="button" onClick={check} disabled={state.kind === "busy"} className="mt-3 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-60">
        {t("check")}
      </button>
      <div role="status" aria-live="polite" className="mt-4">
        {state.kind === "busy" ? <p>{state.what}</p> : null}
        {state.kind === "refused" ? <p className="font-semibold text-red-800">{state.message}</p> : null}
        {state.kind === "previewed" ? (
          <div>
            <p>
              {t("preview", {
                kind,
                rows: state.preview.rows,
                toCreate: state.preview.toCreate,
                present: state.preview.alreadyPresent,
                errors: state.preview.errors.length > 0 ? "yes" : "no",
              })}
            </p>
            <RowErrors preview={state.preview} />
          </div>
        ) : null}
        {state.kind === "imported" ? (
          <p className="font-semibold">
            {t("imported", { kind, created: state.result.created, present: state.result.alreadyPresent })}
          </p>
        ) : null}
      </div>
      {state.kind === "previewed" && state.preview.errors.length === 0 ? (
        <button type="button" onClick={() => confirm(state.file)} className="mt-3 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-60">
          {t("import", { kind, count: state.preview.toCreate })}
        </button>
      ) : null}
    </div>
  );
}
