"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import { CalendarRequestError, changeStatus, fetchCalendar, fetchCalendarVisit, moveAppointment, type CalendarKey, type StatusAction } from "./calendar-api";
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

/**
 * The details of the visit whose panel is open, read when it opens (each read
 * is audited), not on every poll of the board: a panel opened again within
 * half a minute shows what it read.
 */
export function useCalendarVisit(appointmentId: string) {
  return useQuery({
    queryKey: ["calendar-visit", appointmentId] as const,
    queryFn: () => fetchCalendarVisit(appointmentId),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}

function shiftEnd(a: CalendarAppointmentDto, newStart: string): string {
  const duration = localMinutes(a.end) - localMinutes(a.start);
  const minutes = localMinutes(newStart) + duration;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${newStart.slice(0, 11)}${hh}:${mm}:00${newStart.slice(19)}`;
}

// A desk often acts twice on one visit before the board's next poll (check in,
// then cancel). The second action was chosen on a card whose version the first
// one already replaced, so sending that version would be refused as "changed
// elsewhere". Writes from this board therefore run one after another, and each
// sends the newest version this board itself wrote in place of the one it saw.
// A version changed by another desk is never chained, so that conflict still shows.
const BOARD_WRITES = { id: "calendar-board-writes" };
const ownWrites = new Map<string, string>();
const OWN_WRITES_KEPT = 200;

const versionKey = (id: string, updatedAt: string) => `${id}@${new Date(updatedAt).getTime()}`;

function latestOwnVersion(id: string, seen: string): string {
  let version = seen;
  for (let hops = 0; hops < OWN_WRITES_KEPT; hops++) {
    const next = ownWrites.get(versionKey(id, version));
    if (!next) break;
    version = next;
  }
  return version;
}

/** Sends one write for a visit with the newest version this board wrote, and remembers the version it leaves. */
async function writeAsLatest<T extends { updatedAt: string }>(appointment: CalendarAppointmentDto, send: (expectedUpdatedAt: string) => Promise<T>): Promise<T> {
  const expected = latestOwnVersion(appointment.id, appointment.updatedAt);
  const saved = await send(expected);
  ownWrites.set(versionKey(appointment.id, expected), saved.updatedAt);
  if (ownWrites.size > OWN_WRITES_KEPT) ownWrites.delete(ownWrites.keys().next().value!);
  return saved;
}

export interface MoveVariables {
  appointment: CalendarAppointmentDto;
  start: string;
  therapistId: string;
}

export function useMoveAppointment(key: CalendarKey, onRefused: (error: CalendarRequestError, v: MoveVariables) => void) {
  const t = useTranslations("staffCalendar.board");
  const client = useQueryClient();
  const queryKey = calendarQueryKey(key);
  return useMutation({
    scope: BOARD_WRITES,
    mutationFn: (v: MoveVariables) =>
      writeAsLatest(v.appointment, (expectedUpdatedAt) => moveAppointment(v.appointment.id, { start: v.start, therapistId: v.therapistId, expectedUpdatedAt })),
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
      onRefused(error instanceof CalendarRequestError ? error : new CalendarRequestError(t("changeNotSaved"), 0, "INTERNAL"), v);
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
}

export interface StatusVariables {
  appointment: CalendarAppointmentDto;
  action: StatusAction;
  reason?: string;
}

const STATUS_AFTER = {
  "check-in": "CHECKED_IN",
  complete: "COMPLETED",
  "no-show": "NO_SHOW",
  cancel: "CANCELLED",
  "undo-check-in": "BOOKED",
  "undo-no-show": "BOOKED",
} as const satisfies Record<StatusAction, CalendarAppointmentDto["status"]>;

export function useChangeStatus(key: CalendarKey, onRefused: (error: CalendarRequestError) => void) {
  const t = useTranslations("staffCalendar.board");
  const client = useQueryClient();
  const queryKey = calendarQueryKey(key);
  return useMutation({
    scope: BOARD_WRITES,
    mutationFn: (v: StatusVariables) =>
      writeAsLatest(v.appointment, (expectedUpdatedAt) => changeStatus(v.appointment.id, { action: v.action, reason: v.reason, expectedUpdatedAt })),
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
      onRefused(error instanceof CalendarRequestError ? error : new CalendarRequestError(t("changeNotSaved"), 0, "INTERNAL"));
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
}
