import { z } from "zod";
import { visitModeSchema } from "../booking/schema";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "../scheduling/date-bounds";
import { visibleString } from "../text/visible-text";
import { weekdayName } from "./labels";
import { parsePostalCodes } from "./postal-codes";
import type { LocalDateTime, TimeOffPeriod } from "./time-off-range";
import { MINUTES_PER_DAY, parseWallTime } from "./wall-time";

// Shared by the schedule forms (checked as staff press Save) and the
// mutations (checked again, as the only word that counts), so both give the
// same message under the same field.

const GRID_MINUTES = 15;
const DAY_MS = 86_400_000;
const MAX_TIME_OFF_DAYS = 366;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** Midnight UTC of a real calendar date, or null. */
function dateValue(date: string): number | null {
  if (!LOCAL_DATE.test(date)) return null;
  const value = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(value) || new Date(value).toISOString().slice(0, 10) !== date ? null : value;
}

/** Empty form fields mean "not given". */
const blankToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);
const stringToNumber = (value: unknown) => {
  const given = blankToUndefined(value);
  return typeof given === "string" ? Number(given) : given;
};

const localDate = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .trim()
  .regex(LOCAL_DATE, "Enter a date as YYYY-MM-DD.")
  .refine((date) => dateValue(date) !== null, "That is not a real date.")
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);
const optionalLocalDate = z.preprocess(blankToUndefined, localDate.optional());

const localDateTime = (message: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .trim()
      .transform((value, ctx): LocalDateTime => {
        const match = LOCAL_DATE_TIME.exec(value);
        const minute = match ? parseWallTime(match[2]!) : null;
        if (!match || dateValue(match[1]!) === null || minute === null || minute >= MINUTES_PER_DAY) {
          ctx.addIssue({ code: "custom", message: "Enter a date and time, e.g. 2026-12-01 09:00." });
          return z.NEVER;
        }
        if (!isInClinicYears(match[1]!)) {
          ctx.addIssue({ code: "custom", message: OUT_OF_RANGE_MESSAGE });
          return z.NEVER;
        }
        return { date: match[1]!, minute };
      })
      .optional(),
  );

const wallTime = (which: "start" | "end") =>
  z
    .string({ error: `Enter the ${which} time.` })
    .trim()
    .min(1, `Enter the ${which} time.`)
    .transform((value, ctx) => {
      const minute = parseWallTime(value);
      if (minute === null) {
        ctx.addIssue({ code: "custom", message: `Enter the ${which} time as HH:MM, e.g. ${which === "start" ? "08:00" : "12:00"}.` });
        return z.NEVER;
      }
      if (minute % GRID_MINUTES !== 0) {
        ctx.addIssue({ code: "custom", message: `Use a quarter hour for the ${which}: :00, :15, :30 or :45.` });
        return z.NEVER;
      }
      return minute;
    });

/** Appointment ids the staff member saw in the stranded list and chose to save anyway. */
const confirmStranded = z.array(z.uuid()).max(1000).optional();

const therapistId = z.uuid({ error: "Choose a therapist." });

const weeklyHoursFields = {
  therapistId,
  locationId: z.uuid({ error: "Choose a location." }),
  weekday: z.preprocess(stringToNumber, z.number({ error: "Choose a day of the week." }).int().min(1, "Choose a day of the week.").max(7, "Choose a day of the week.")),
  start: wallTime("start"),
  end: wallTime("end"),
  visitModes: z
    .array(visitModeSchema, { error: "Choose at least one kind of visit." })
    .min(1, "Choose at least one kind of visit.")
    .transform((modes) => [...new Set(modes)]),
  validFrom: optionalLocalDate,
  validUntil: optionalLocalDate,
  confirmStranded,
};

interface BlockFields {
  weekday: number;
  start: number;
  end: number;
  validFrom?: string;
  validUntil?: string;
}

function checkBlock(value: BlockFields, ctx: z.RefinementCtx) {
  if (value.end <= value.start) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start, on the same day." });
  }
  if (!value.validFrom || !value.validUntil) return;
  const from = dateValue(value.validFrom)!;
  const until = dateValue(value.validUntil)!;
  if (until < from) {
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: "The last date must not be before the first." });
    return;
  }
  const firstWeekday = ((new Date(from).getUTCDay() + 6) % 7) + 1;
  const daysToWeekday = (value.weekday - firstWeekday + 7) % 7;
  if (from + daysToWeekday * DAY_MS > until) {
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: `There is no ${weekdayName(value.weekday)} between these dates.` });
  }
}

function toBlock<T extends BlockFields>({ start, end, validFrom, validUntil, ...rest }: T) {
  return { ...rest, startMinute: start, endMinute: end, validFrom: validFrom ?? null, validUntil: validUntil ?? null };
}

export const weeklyHoursInputSchema = z.object(weeklyHoursFields).superRefine(checkBlock).transform(toBlock);
export type WeeklyHoursInput = z.input<typeof weeklyHoursInputSchema>;
export type WeeklyHoursValues = z.output<typeof weeklyHoursInputSchema>;

export const weeklyHoursUpdateSchema = z
  .object({ id: z.uuid({ error: "Choose the hours to change." }), ...weeklyHoursFields })
  .superRefine(checkBlock)
  .transform(toBlock);
export type WeeklyHoursUpdate = z.input<typeof weeklyHoursUpdateSchema>;

export const weeklyHoursDeleteSchema = z.object({ id: z.uuid({ error: "Choose the hours to delete." }), confirmStranded });
export type WeeklyHoursDelete = z.input<typeof weeklyHoursDeleteSchema>;

export const timeOffInputSchema = z
  .object({
    therapistId,
    locationId: z.uuid({ error: "Choose the location whose clock the times are read on." }),
    kind: z.enum(["TIME_OFF", "BLOCKED"], { error: "Choose time off or blocked time." }),
    span: z.enum(["days", "times"], { error: "Choose whole days or a start and end time." }),
    firstDay: optionalLocalDate,
    lastDay: optionalLocalDate,
    startsAt: localDateTime("Enter when it starts."),
    endsAt: localDateTime("Enter when it ends."),
    note: z.preprocess(blankToUndefined, visibleString().trim().max(200, "Keep the note to 200 characters.").optional()),
    confirmStranded,
  })
  .transform(({ span, firstDay, lastDay, startsAt, endsAt, note, ...rest }, ctx) => {
    const period = toPeriod({ span, firstDay, lastDay, startsAt, endsAt }, ctx);
    return period ? { ...rest, note: note ?? null, period } : z.NEVER;
  });
export type TimeOffInput = z.input<typeof timeOffInputSchema>;

function toPeriod(
  value: { span: "days" | "times"; firstDay?: string; lastDay?: string; startsAt?: LocalDateTime; endsAt?: LocalDateTime },
  ctx: z.RefinementCtx,
): TimeOffPeriod | null {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const tooLong = (firstDate: string, lastDate: string) => (dateValue(lastDate)! - dateValue(firstDate)!) / DAY_MS >= MAX_TIME_OFF_DAYS;
  const tooLongMessage = `Enter at most ${MAX_TIME_OFF_DAYS} days at a time.`;

  if (value.span === "days") {
    const { firstDay, lastDay } = value;
    if (!firstDay) issue("firstDay", "Enter the first day.");
    if (!lastDay) issue("lastDay", "Enter the last day.");
    if (!firstDay || !lastDay) return null;
    if (lastDay < firstDay) issue("lastDay", "The last day must not be before the first.");
    else if (tooLong(firstDay, lastDay)) issue("lastDay", tooLongMessage);
    else return { span: "days", firstDay, lastDay };
    return null;
  }

  const { startsAt, endsAt } = value;
  if (!startsAt) issue("startsAt", "Enter when it starts.");
  if (!endsAt) issue("endsAt", "Enter when it ends.");
  if (!startsAt || !endsAt) return null;
  if (wallOrder(startsAt, endsAt) >= 0) issue("endsAt", "The end must be after the start.");
  else if (tooLong(startsAt.date, endsAt.date)) issue("endsAt", tooLongMessage);
  else return { span: "times", startsAt, endsAt };
  return null;
}

function wallOrder(a: LocalDateTime, b: LocalDateTime): number {
  return a.date === b.date ? a.minute - b.minute : a.date < b.date ? -1 : 1;
}

export const timeOffDeleteSchema = z.object({ id: z.uuid({ error: "Choose the time off to delete." }) });
export type TimeOffDelete = z.input<typeof timeOffDeleteSchema>;

/** A location's home-visit area; ZIP codes are checked by the location's country. */
export function homeAreaSchema(country: string) {
  return z.object({
    locationId: z.uuid({ error: "Choose a location." }),
    postalCodes: z
      .string({ error: "List the postal codes, or leave the box empty." })
      .max(6000, "That list is too long.")
      .transform((text, ctx) => {
        const parsed = parsePostalCodes(text, country);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        }
        return parsed.codes;
      }),
    travelMinutes: z.preprocess(
      stringToNumber,
      z
        .number({ error: "Enter the travel time in minutes." })
        .int("Use whole minutes.")
        .min(0, "Travel time cannot be negative.")
        .max(240, "Keep travel time to 240 minutes or less."),
    ),
    confirmStranded,
  });
}
export type HomeAreaInput = z.input<ReturnType<typeof homeAreaSchema>>;
