import { queryOptions } from "@tanstack/react-query";
import { fetchAvailability, type AvailabilityParams } from "./api-client";

/** Open times change as other patients book, so they are kept fresh for 15 s and refetched on focus. */
export function availabilityQuery(params: AvailabilityParams) {
  return queryOptions({
    queryKey: ["availability", params] as const,
    queryFn: ({ signal }) => fetchAvailability(params, signal),
    staleTime: 15_000,
    refetchOnWindowFocus: true,
  });
}
