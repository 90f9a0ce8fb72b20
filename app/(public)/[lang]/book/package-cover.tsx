"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { readPackageCode } from "./package-code";

const noSubscription = () => () => undefined;

export type PackageCover = { code: null } | { code: string; state: "checking" | "refused" } | { code: string; state: "covered"; visitsLeft: number };

async function fetchBalance(code: string, service: string, signal: AbortSignal): Promise<{ visitsLeft: number } | null> {
  const response = await fetch("/api/packages/balance", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ code, service }),
    cache: "no-store",
    signal,
  });
  if (response.status === 409 || response.status === 422) return null;
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return (await response.json()) as { visitsLeft: number };
}

/** Whether the patient's package (from their link) pays for a visit of this service, asked again when the step opens. */
export function usePackageCover(serviceId: string): PackageCover & { refresh: () => void } {
  // Read from the tab's storage after hydration: the server never knows it.
  const code = useSyncExternalStore(noSubscription, readPackageCode, () => null);
  const query = useQuery({
    queryKey: ["package-balance", code, serviceId],
    queryFn: ({ signal }) => fetchBalance(code!, serviceId, signal),
    enabled: code !== null,
    staleTime: 0,
    retry: false,
  });
  const refresh = () => void query.refetch();
  if (code === null) return { code: null, refresh };
  if (query.isPending) return { code, state: "checking", refresh };
  if (!query.data) return { code, state: "refused", refresh };
  return { code, state: "covered", visitsLeft: query.data.visitsLeft, refresh };
}

/** The summary's line about the package: covered (and how many visits are left), or why it is not used. */
export function PackageCoverNote({ cover }: { cover: PackageCover }) {
  const t = useTranslations("book.package");
  if (cover.code === null || cover.state === "checking") return null;
  return (
    <p role="status" className={`rounded-xl p-3 text-sm font-medium ${cover.state === "covered" ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
      {cover.state === "covered" ? t("covered", { visits: cover.visitsLeft }) : t("refused")}
    </p>
  );
}
