import Link from "next/link";

export default function PatientNotFound() {
  return (
    <>
      <h1 className="text-2xl font-bold">Patient not found</h1>
      <p className="mt-2 text-slate-700">There is no patient at this address that you can open.</p>
      <p className="mt-4">
        <Link href="/staff/patients" className="text-teal-900 underline">
          Search patients
        </Link>
      </p>
    </>
  );
}
