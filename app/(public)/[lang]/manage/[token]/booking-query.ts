import { queryOptions } from "@tanstack/react-query";
import { ApiError, fetchBooking } from "@/components/booking/api-client";

export function bookingQuery(token: string) {
  return queryOptions({
    queryKey: ["booking", token] as const,
    queryFn: ({ signal }) => fetchBooking(token, signal),
    staleTime: 15_000,
    // An unknown token will not become known by asking again.
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 1,
  });
}
