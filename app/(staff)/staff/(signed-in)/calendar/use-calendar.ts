"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import { CalendarRequestError, changeStatus, fetchCalendar, moveAppointment, type CalendarKey } from "./calendar-api";
import { localMinutes } from "./wall-clock";

// Two desks watching one day converge through polling: the board asks the
// server every few seconds, and every change is confirmed by the server
// before it sticks (optimistic first, rolled back on refusal).
const POLL_MS = 3_000;

export const calendarQueryKey = (key: CalendarKey) => ["calendar", key.location, key.date, key.view] as const;

export function useCalendar(key: CalendarKey, initial: CalendarDto | undefined) {
  return useQuery({
    queryKey: calendarQueryKey(key),
    queryFn: () => fetchCalendar(key),
    initialData: initial,
    staleTime: 2_000,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

function shiftEnd(a: CalendarAppointmentDto, newStart: string): string {
  const duration = localMinutes(a.end) - localMinutes(a.start);
  const minutes = localMinutes(newStart) + duration;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${newStart.slice(0, 11)}${hh}:${mm}:00${newStart.slice(19)}`;
}

export interface MoveVariables {
  appointment: CalendarAppointmentDto;
  start: string;
  therapistId: string;
}

export function useMoveAppointment(key: CalendarKey, onRefused: (error: CalendarRequestError, v: MoveVariables) => void) {
  const client = useQueryClient();
  const queryKey = calendarQueryKey(key);
  return useMutation({
    mutationFn: (v: MoveVariables) => moveAppointment(v.appointment.id, { start: v.start, therapistId: v.therapistId, expectedUpdatedAt: v.appointment.updatedAt }),
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<CalendarDto>(queryKey);
      client.setQueryData<CalendarDto>(queryKey, (data) =>
        data && {
          ...data,
          appointments: data.appointments.map((a) => (a.id === v.appointment.id ? { ...a, start: v.start, end: shiftEnd(a, v.start), therapistId: v.therapistId } : a)),
        },
      );
      return { before };
    },
    onError: (error, v, context) => {
      if (context?.before) client.setQueryData(queryKey, context.before);
      onRefused(error instanceof CalendarRequestError ? error : new CalendarRequestError("The change could not be saved.", 0, "INTERNAL"), v);
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
}

export interface StatusVariables {
  appointment: CalendarAppointmentDto;
  action: "check-in" | "complete" | "no-show" | "cancel";
  reason?: string;
}

const STATUS_AFTER = { "check-in": "CHECKED_IN", complete: "COMPLETED", "no-show": "NO_SHOW", cancel: "CANCELLED" } as const;

export function useChangeStatus(key: CalendarKey, onRefused: (error: CalendarRequestError) => void) {
  const client = useQueryClient();
  const queryKey = calendarQueryKey(key);
  return useMutation({
    mutationFn: (v: StatusVariables) => changeStatus(v.appointment.id, { action: v.action, reason: v.reason, expectedUpdatedAt: v.appointment.updatedAt }),
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<CalendarDto>(queryKey);
      client.setQueryData<CalendarDto>(queryKey, (data) =>
        data && {
          ...data,
          appointments:
            v.action === "cancel"
              ? data.appointments.filter((a) => a.id !== v.appointment.id)
              : data.appointments.map((a) => (a.id === v.appointment.id ? { ...a, status: STATUS_AFTER[v.action] } : a)),
        },
      );
      return { before };
    },
    onError: (error, _v, context) => {
      if (context?.before) client.setQueryData(queryKey, context.before);
      onRefused(error instanceof CalendarRequestError ? error : new CalendarRequestError("The change could not be saved.", 0, "INTERNAL"));
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
}
