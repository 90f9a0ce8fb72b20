import Link from "next/link";

/** Within the staff area's own frame and styles (Next.js's bare default page brings an inline style the policy refuses). */
export default function StaffPageNotFound() {
  return (
    <>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-700">There is nothing at this address that you can open.</p>
      <p className="mt-4">
        <Link href="/staff" className="text-teal-900 underline">
          Back to the staff home
        </Link>
      </p>
    </>
  );
}
