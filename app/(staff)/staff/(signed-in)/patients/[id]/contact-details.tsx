import type { PatientProfile } from "@/lib/patients/data";
import { formatDateOfBirth } from "../format-date-of-birth";
import { LANGUAGE_LABEL } from "../visit-labels";

function addressLines(p: PatientProfile["patient"]): string[] {
  const cityLine = [p.city, [p.region, p.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [p.addressLine1, p.addressLine2, cityLine].filter((line): line is string => Boolean(line));
}

export function ContactDetails({ patient }: { patient: PatientProfile["patient"] }) {
  const address = addressLines(patient);
  const rows: [string, React.ReactNode][] = [
    ["Date of birth", `${formatDateOfBirth(patient.dateOfBirth)} (age ${patient.age})`],
    ["Phone", <a key="phone" href={`tel:${patient.phone.replace(/[^\d+]/g, "")}`} className="text-teal-900 underline">{patient.phone}</a>],
    ["Email", <a key="email" href={`mailto:${patient.email}`} className="text-teal-900 underline">{patient.email}</a>],
    ["Preferred language", LANGUAGE_LABEL[patient.preferredLanguage]],
    ["Address", address.length > 0 ? address.map((line) => <span key={line} className="block">{line}</span>) : <span className="text-slate-600">Not given</span>],
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
