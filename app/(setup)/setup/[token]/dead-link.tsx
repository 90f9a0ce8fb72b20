import Link from "next/link";

/** The same page for an unknown, used or expired link: it says nothing about which. */
export function DeadLink() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">This setup link cannot be used</h1>
      <p>
        Setup links work once, for 24 hours, and only until the practice has an administrator. If you are setting up Stride, restart it to print a new link, or run{" "}
        <code className="rounded bg-slate-200 px-1">npm run admin:create</code> on the server.
      </p>
      <p>
        <Link href="/staff/sign-in" className="font-semibold text-teal-800 underline underline-offset-2">
          Staff sign-in
        </Link>
      </p>
    </div>
  );
}
