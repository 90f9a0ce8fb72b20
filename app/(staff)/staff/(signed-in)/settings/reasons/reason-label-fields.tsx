import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/text-field";

/** The English and Spanish labels of a reason, for the add form and the edit dialog alike. */
export function ReasonLabelFields({ idPrefix, values, fields }: { idPrefix: string; values: Record<string, string>; fields: Record<string, string> }) {
  const t = useTranslations("staffSettings.reasons");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField id={`${idPrefix}-labelEn`} name="labelEn" label={t("labelEn")} autoComplete="off" required maxLength={120} defaultValue={values.labelEn ?? ""} error={fields.labelEn} />
      <TextField id={`${idPrefix}-labelEs`} name="labelEs" lang="es" label={t("labelEs")} autoComplete="off" required maxLength={120} defaultValue={values.labelEs ?? ""} error={fields.labelEs} />
    </div>
  );
}
