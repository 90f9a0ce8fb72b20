import Form from "next/form";
import { getTranslations } from "next-intl/server";
import type { TherapistChoice } from "@/lib/schedules/types";

/** A plain GET form: the chosen therapist lives in the address, so the view can be bookmarked and reloaded. */
export async function TherapistPicker({ therapists, chosenId }: { therapists: TherapistChoice[]; chosenId: string | undefined }) {
  const t = await getTranslations("staffSchedules.picker");
  return (
    <Form action="/staff/schedules" className="mt-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="min-w-64 grow sm:grow-0">
        <label htmlFor="therapist" className="block font-medium">
          {t("label")}
        </label>
        <select id="therapist" name="therapist" defaultValue={chosenId ?? ""} className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base">
          <option value="" disabled>
            {t("choose")}
          </option>
          {therapists.map((therapist) => (
            <option key={therapist.id} value={therapist.id}>
              {t("option", { lastName: therapist.lastName, firstName: therapist.firstName, credentials: therapist.credentials })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
        {t("show")}
      </button>
    </Form>
  );
}
