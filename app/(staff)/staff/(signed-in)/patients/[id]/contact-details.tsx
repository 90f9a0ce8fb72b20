import { getTranslations } from "next-intl/server";
import type { PatientProfile } from "@/lib/patients/data";
import { formatDateOfBirth } from "../format-date-of-birth";

function addressLines(p: PatientProfile["patient"]): string[] {
  const cityLine = [p.city, [p.region, p.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [p.addressLine1, p.addressLine2, cityLine].filter((line): line is string => Boolean(line));
}

export async function ContactDetails({ patient }: { patient: PatientProfile["patient"] }) {
  const t = await getTranslations("staffPatients.contact");
  const address = addressLines(patient);
  const rows: [string, React.ReactNode][] = [
    [t("dateOfBirth"), t("dateOfBirthValue", { date: formatDateOfBirth(patient.dateOfBirth), age: patient.age })],
    [t("phone"), <a key="phone" href={`tel:${patient.phone.replace(/[^\d+]/g, "")}`} className="text-teal-900 underline">{patient.phone}</a>],
    [t("email"), <a key="email" href={`mailto:${patient.email}`} className="text-teal-900 underline">{patient.email}</a>],
    [t("preferredLanguage"), t("language", { language: patient.preferredLanguage })],
    [t("address"), address.length > 0 ? address.map((line) => <span key={line} className="block">{line}</span>) : <span className="text-slate-600">{t("notGiven")}</span>],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
