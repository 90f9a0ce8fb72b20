"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { buttonClass } from "@/components/form/button";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { RoomSettings } from "@/lib/locations/data";
import type { StrandedAppointment } from "@/lib/schedules/types";
import { StrandedWarning } from "../../schedules/stranded-warning";
import { useScheduleChange } from "../../schedules/use-schedule-change";
import { addRoom, changeRoom } from "./actions";

/** The location's rooms, each changeable where it is listed, and a form to add one. */
export function RoomsSection({ locationId, rooms }: { locationId: string; rooms: RoomSettings[] }) {
  const t = useTranslations("staffSettings.rooms");
  return (
    <section aria-labelledby="rooms-title" className="mt-10">
      <h2 id="rooms-title" className="text-xl font-bold">
        {t("heading")}
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">
        {t("intro")}
      </p>
      {rooms.length === 0 ? <p className="mt-3">{t("none")}</p> : null}
      <ul className="mt-4 space-y-4">
        {rooms.map((room) => (
          <li key={room.id}>
            <RoomForm locationId={locationId} room={room} />
          </li>
        ))}
      </ul>
      <AddRoomForm locationId={locationId} />
    </section>
  );
}

type RoomDraft = { name: string; capacity: string; active: boolean };

/** One room: the message of its last save, and its editor, started afresh after each save. */
function RoomForm({ locationId, room }: { locationId: string; room: RoomSettings }) {
  const idBase = useId();
  const headingId = `${idBase}-heading`;
  const router = useRouter();
  const [draft, setDraft] = useState<RoomDraft>({ name: room.name, capacity: String(room.capacity), active: room.active });
  const [saved, setSaved] = useState<{ text: string; version: number } | null>(null);
  const savedRef = useFocusOn<HTMLParagraphElement>(saved);
  const t = useTranslations("staffSettings.rooms");

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="font-semibold">
        {room.name} <span className="font-normal text-slate-700">({t("state", { active: room.active ? "yes" : "no", capacity: room.capacity })})</span>
      </h3>
      <p ref={savedRef} tabIndex={-1} role="status" className="text-sm font-semibold text-teal-900 focus:outline-none">
        {saved?.text}
      </p>
      <RoomEditor
        key={saved?.version ?? 0}
        idBase={idBase}
        locationId={locationId}
        room={room}
        draft={draft}
        setDraft={setDraft}
        onEdit={() => setSaved((s) => (s ? { ...s, text: "" } : s))}
        onSaved={(stranded) => {
          const text = t("saved", { name: draft.name, stranded: stranded.length });
          setSaved((s) => ({ text, version: (s?.version ?? 0) + 1 }));
          router.refresh();
        }}
      />
    </section>
  );
}

interface RoomEditorProps {
  idBase: string;
  locationId: string;
  room: RoomSettings;
  draft: RoomDraft;
  setDraft: (update: (d: RoomDraft) => RoomDraft) => void;
  onEdit: () => void;
  onSaved: (stranded: StrandedAppointment[]) => void;
}

function RoomEditor({ idBase, locationId, room, draft, setDraft, onEdit, onSaved }: RoomEditorProps) {
  const ids = { name: `${idBase}-name`, capacity: `${idBase}-capacity`, active: `${idBase}-active` };
  const input = { ...draft, id: room.id, locationId };
  const change = useScheduleChange(changeRoom, onSaved);
  const t = useTranslations("staffSettings");

  if (change.question) {
    return (
      <StrandedWarning
        question={change.question}
        therapistFirstName=""
        title={t("rooms.strandedTitle", { count: change.question.stranded.length, room: room.name })}
        pending={change.pending}
        onConfirm={() => change.submit(input, change.question?.stranded.map((s) => s.id))}
        onBack={change.dismissQuestion}
      />
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onEdit();
        change.submit(input);
      }}
      noValidate
      className="mt-3 space-y-3"
    >
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(change.fields, change.message, ids)} focusKey={change.attempt} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={ids.name} label={t("rooms.name")} value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} error={change.fields.name} />
        <TextField
          id={ids.capacity}
          label={t("rooms.capacity")}
          type="number"
          inputMode="numeric"
          min={1}
          value={draft.capacity}
          onChange={(e) => setDraft((d) => ({ ...d, capacity: e.target.value }))}
          error={change.fields.capacity}
        />
      </div>
      <div className="flex items-center gap-3">
        <input id={ids.active} type="checkbox" checked={draft.active} onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))} className="size-5" />
        <label htmlFor={ids.active} className="font-medium">
          {t("rooms.active")}
        </label>
      </div>
      <button type="submit" disabled={change.pending} className={buttonClass("secondary", "sm")}>
        {change.pending ? t("saving") : t("rooms.save")}
        <span className="sr-only"> {room.name}</span>
      </button>
    </form>
  );
}

function AddRoomForm({ locationId }: { locationId: string }) {
  const idBase = useId();
  const ids = { name: `${idBase}-name`, capacity: `${idBase}-capacity` };
  const router = useRouter();
  const [draft, setDraft] = useState({ name: "", capacity: "1" });
  const [pending, start] = useTransition();
  const [answer, setAnswer] = useState<{ fields: Record<string, string>; message: string | null; attempt: number; added: string | null }>({
    fields: {},
    message: null,
    attempt: 0,
    added: null,
  });
  const addedRef = useFocusOn<HTMLParagraphElement>(answer.added ? answer : null);
  const t = useTranslations("staffSettings");

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await addRoom({ ...draft, locationId });
      if (result.ok) {
        setAnswer((a) => ({ ...a, fields: {}, message: null, added: t("rooms.added", { name: draft.name.trim() }) }));
        setDraft({ name: "", capacity: "1" });
        router.refresh();
      } else {
        const fields = result.fields;
        setAnswer((a) => ({ fields, message: Object.keys(fields).length === 0 ? result.message : null, attempt: a.attempt + 1, added: null }));
      }
    });
  }

  return (
    <section aria-labelledby={`${idBase}-title`} className="mt-6 max-w-3xl rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={`${idBase}-title`} className="text-lg font-semibold">
        {t("rooms.add")}
      </h3>
      <p ref={addedRef} tabIndex={-1} role="status" className="text-sm font-semibold text-teal-900 focus:outline-none">
        {answer.added}
      </p>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(answer.fields, answer.message, ids)} focusKey={answer.attempt} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id={ids.name} label={t("rooms.newName")} value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} error={answer.fields.name} />
          <TextField
            id={ids.capacity}
            label={t("rooms.newCapacity")}
            type="number"
            inputMode="numeric"
            min={1}
            value={draft.capacity}
            onChange={(e) => setDraft((d) => ({ ...d, capacity: e.target.value }))}
            error={answer.fields.capacity}
          />
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("adding") : t("rooms.addSubmit")}
        </button>
      </form>
    </section>
  );
}
