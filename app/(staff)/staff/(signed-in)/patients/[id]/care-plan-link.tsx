import { buttonClass } from "@/components/form/button";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The way from a patient's profile to recording their plan of care. */
export async function CarePlanLink({ patientId }: { patientId: string }) {
  const t = await getTranslations("staffCarePlans");
  return (
    <p className="mt-4">
      <Link href={`/staff/patients/${patientId}/plan/new`} className={buttonClass("secondary", "sm")}>
        {t("link")}
      </Link>
    </p>
  );
}
