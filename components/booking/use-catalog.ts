"use client";

import { useQuery } from "@tanstack/react-query";
import type { LocationDto, ReasonDto, ServiceDto, TherapistDto } from "@/lib/booking/api-types";
import { fetchLocations, fetchReasons, fetchServices, fetchTherapists } from "./api-client";
import { catalogQueryKeys, catalogStaleTime } from "./catalog-keys";

export interface Catalog {
  reasons: ReasonDto[];
  services: ServiceDto[];
  locations: LocationDto[];
  therapists: TherapistDto[];
}

// The booking page prefetches all four on the server (book/page.tsx), so these
// start with data and fetch only once it is stale.

export function useTherapists() {
  return useQuery({ queryKey: catalogQueryKeys.therapists, queryFn: ({ signal }) => fetchTherapists(signal), staleTime: catalogStaleTime });
}

export function useCatalog() {
  const reasons = useQuery({ queryKey: catalogQueryKeys.reasons, queryFn: ({ signal }) => fetchReasons(signal), staleTime: catalogStaleTime });
  const services = useQuery({ queryKey: catalogQueryKeys.services, queryFn: ({ signal }) => fetchServices(signal), staleTime: catalogStaleTime });
  const locations = useQuery({ queryKey: catalogQueryKeys.locations, queryFn: ({ signal }) => fetchLocations(signal), staleTime: catalogStaleTime });
  const therapists = useTherapists();
  const all = [reasons, services, locations, therapists];
  const data: Catalog | undefined =
    reasons.data && services.data && locations.data && therapists.data
      ? { reasons: reasons.data, services: services.data, locations: locations.data, therapists: therapists.data }
      : undefined;
  return {
    data,
    isError: all.some((query) => query.isError),
    retry: () => all.filter((query) => query.isError).forEach((query) => void query.refetch()),
  };
}
