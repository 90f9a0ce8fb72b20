"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { saveOfferAction, type OfferFormState } from "./actions";

interface OfferFormProps {
  id: string | null;
  services: { value: string; label: string }[];
  values: Record<string, string>;
}

/** The package offer form, to add one (id null) or change one. */
export function OfferForm({ id, services, values }: OfferFormProps) {
  const [state, action, pending] = useActionState(saveOfferAction.bind(null, id), { result: null, values } satisfies OfferFormState);
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const t = useTranslations("staffPackages.offers");
  const failure = state.result && !state.result.ok ? state.result : null;
  const fields = failure?.fields ?? {};
  const v = state.values;
  const prefix = id ? `offer-${id.slice(0, 8)}` : "new-offer";
  return (
    <form action={action} noValidate className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{t("failed", { message: failure.message })}</p> : null}
        {state.result?.ok ? <p className="text-sm text-slate-700">{t("saved")}</p> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${prefix}-nameEn`} name="nameEn" label={t("nameEn")} required maxLength={100} defaultValue={v.nameEn ?? ""} error={fields.nameEn} />
        <TextField id={`${prefix}-nameEs`} name="nameEs" lang="es" label={t("nameEs")} required maxLength={100} defaultValue={v.nameEs ?? ""} error={fields.nameEs} />
      </div>
      <SelectField
        id={`${prefix}-serviceId`}
        name="serviceId"
        label={t("service")}
        defaultValue={v.serviceId ?? ""}
        error={fields.serviceId}
        options={[{ value: "", label: t("chooseService") }, ...services]}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id={`${prefix}-visits`} name="visits" label={t("visits")} inputMode="numeric" required defaultValue={v.visits ?? ""} error={fields.visits} />
        <TextField id={`${prefix}-validityDays`} name="validityDays" label={t("validityDays")} inputMode="numeric" required defaultValue={v.validityDays ?? ""} error={fields.validityDays} />
        <TextField id={`${prefix}-price`} name="price" label={t("priceLabel")} inputMode="decimal" required defaultValue={v.price ?? ""} error={fields.price} />
      </div>
      <TextField id={`${prefix}-sortOrder`} name="sortOrder" label={t("sortOrder")} inputMode="numeric" defaultValue={v.sortOrder ?? "0"} error={fields.sortOrder} className="max-w-xs" />
      <div className="flex items-center gap-2">
        <input id={`${prefix}-active`} name="active" type="checkbox" defaultChecked={v.active === "on"} className="size-5" />
        <label htmlFor={`${prefix}-active`} className="font-medium">
          {t("active")}
        </label>
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {t("save")}
      </button>
    </form>
  );
}
