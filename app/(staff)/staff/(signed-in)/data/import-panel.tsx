"use client";

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

const WORDS: Record<ImportKind, { one: string; many: string; label: string; present: string }> = {
  patients: { one: "patient", many: "patients", label: "Patient file (CSV)", present: "already here" },
  appointments: { one: "visit", many: "visits", label: "Appointment file (CSV)", present: "already imported" },
};

async function send(kind: ImportKind, file: File, step: "preview" | "import"): Promise<{ ok: true; body: ImportResult } | { ok: false; message: string; body?: ImportResult }> {
  let response: Response;
  try {
    response = await fetch(`/api/staff/data/import/${kind}?step=${step}`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
  } catch {
    return { ok: false, message: "The file could not be sent. Check the connection and try again." };
  }
  const body = (await response.json().catch(() => null)) as (ImportResult & { error?: { message: string } }) | null;
  if (response.ok && body) return { ok: true, body };
  if (response.status === 422 && body && Array.isArray(body.errors)) return { ok: false, message: "Some rows have errors; nothing was imported.", body };
  return { ok: false, message: body?.error?.message ?? `The server answered ${response.status}. Nothing was imported.` };
}

function RowErrors({ preview }: { preview: ImportPreview }) {
  if (preview.errors.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="font-semibold text-red-800">
        {preview.errors.length} {preview.errors.length === 1 ? "problem" : "problems"} to fix in the file before it can be imported
      </h3>
      <table className="mt-2 w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4">Row</th>
            <th scope="col" className="py-1 pr-4">Column</th>
            <th scope="col" className="py-1">Problem</th>
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
  const words = WORDS[kind];
  const count = (n: number) => `${n} ${n === 1 ? words.one : words.many}`;
  const [state, setState] = useState<State>({ kind: "idle" });
  const input = useRef<HTMLInputElement>(null);

  async function check() {
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ kind: "refused", message: "Choose a CSV file first." });
      return;
    }
    setState({ kind: "busy", what: "Checking the file…" });
    const answer = await send(kind, file, "preview");
    setState(answer.ok ? { kind: "previewed", file, preview: answer.body } : { kind: "refused", message: answer.message });
  }

  async function confirm(file: File) {
    setState({ kind: "busy", what: "Importing…" });
    const answer = await send(kind, file, "import");
    if (answer.ok) setState({ kind: "imported", result: answer.body });
    else if (answer.body) setState({ kind: "previewed", file, preview: answer.body });
    else setState({ kind: "refused", message: answer.message });
  }

  return (
    <div className="mt-4">
      <label htmlFor={`${kind}-file`} className="block font-medium text-slate-900">
        {words.label}
      </label>
      <input ref={input} id={`${kind}-file`} type="file" accept=".csv,text/csv" className="mt-1 block" onChange={() => setState({ kind: "idle" })} />
      <button type="button" onClick={check} disabled={state.kind === "busy"} className="mt-3 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-60">
        Check file
      </button>
      <div role="status" aria-live="polite" className="mt-4">
        {state.kind === "busy" ? <p>{state.what}</p> : null}
        {state.kind === "refused" ? <p className="font-semibold text-red-800">{state.message}</p> : null}
        {state.kind === "previewed" ? (
          <div>
            <p>
              {state.preview.rows} rows: {count(state.preview.toCreate)} to add, {state.preview.alreadyPresent} {words.present}
              {state.preview.errors.length > 0 ? ", and rows in error" : ""}.
            </p>
            <RowErrors preview={state.preview} />
          </div>
        ) : null}
        {state.kind === "imported" ? (
          <p className="font-semibold">
            Imported {count(state.result.created)}; {state.result.alreadyPresent} {words.present} were left as they are.
          </p>
        ) : null}
      </div>
      {state.kind === "previewed" && state.preview.errors.length === 0 ? (
        <button type="button" onClick={() => confirm(state.file)} className="mt-3 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-60">
          Import {count(state.preview.toCreate)}
        </button>
      ) : null}
    </div>
  );
}
