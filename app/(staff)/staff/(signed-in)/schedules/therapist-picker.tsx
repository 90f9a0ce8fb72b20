import Form from "next/form";
import type { TherapistChoice } from "@/lib/schedules/types";

/** A plain GET form: the chosen therapist lives in the address, so the view can be bookmarked and reloaded. */
export function TherapistPicker({ therapists, chosenId }: { therapists: TherapistChoice[]; chosenId: string | undefined }) {
  return (
    <Form action="/staff/schedules" className="mt-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="min-w-64 grow sm:grow-0">
        <label htmlFor="therapist" className="block font-medium">
          Therapist
        </label>
        <select id="therapist" name="therapist" defaultValue={chosenId ?? ""} className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base">
          <option value="" disabled>
            Choose a therapist
          </option>
          {therapists.map((t) => (
            <option key={t.id} value={t.id}>
              {t.lastName}, {t.firstName} ({t.credentials})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
        Show schedule
      </button>
    </Form>
  );
}
