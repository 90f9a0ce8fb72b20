import "server-only";
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { ACTIVE_STATUSES } from "../booking/data";
import type { Location, Patient, Prisma, Service, Therapist, VisitMode } from "../db/generated/client";
import { blockedRangeFor, type BlockedRange } from "../scheduling/blocked-range";
import { LAST_YEAR } from "../scheduling/date-bounds";
import { isFormulaCell, type CsvRow } from "./csv-file";
import type { ImportPreview, RowError } from "./schema";

export interface AppointmentRow {
  row: number;
  importKey: string;
  patient: Patient;
  therapist: Therapist;
  service: Service;
  location: Location;
  mode: VisitMode;
  range: BlockedRange;
}

const MODES = new Set<VisitMode>(["CLINIC", "HOME", "VIDEO"]);
const OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Finds a thing by its slug or its name, case aside; a name two share is refused so the wrong one is never picked. */
function byKey<T extends { slug: string }>(items: T[], names: (t: T) => string[]) {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set([item.slug, ...names(item)].map((k) => k.trim().toLowerCase()))) map.set(key, [...(map.get(key) ?? []), item]);
  }
  return (value: string): T | "unknown" | "ambiguous" => {
    const found = map.get(value.trim().toLowerCase()) ?? [];
    return found.length === 1 ? found[0]! : found.length === 0 ? "unknown" : "ambiguous";
  };
}

/** A start written with an offset is that instant; without one it is a wall-clock time at the visit's location. */
function readStart(value: string, zone: string): number | string {
  const text = value.trim().replace(" ", "T");
  if (OFFSET.test(text)) {
    const at = DateTime.fromISO(text, { setZone: true });
    return at.isValid ? at.toMillis() : "Write the start as 2031-01-31T09:00-06:00, or 2031-01-31 09:00 in the location's time zone.";
  }
  const local = DateTime.fromISO(text, { zone });
  if (!local.isValid || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return "Write the start as 2031-01-31T09:00-06:00, or 2031-01-31 09:00 in the location's time zone.";
  // Luxon moves a time that a clock change skips to the next hour; that is not what the file says.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== text.slice(0, 16)) return `${text.slice(0, 16).replace("T", " ")} does not exist in ${zone} (the clocks change then).`;
  return local.toMillis();
}

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from < b.to && b.from < a.to;

/**
 * Checks every row of an appointment file against the practice: the patient,
 * therapist, service and location exist and fit together, the start is a
 * real future time, and no two visits of a therapist or a patient overlap,
 * in the file or with visits already booked. The database's exclusion
 * constraints still have the last word when the rows are written.
 */
export async function previewAppointmentRows(tx: Prisma.TransactionClient, rows: readonly CsvRow[], now: Date): Promise<{ preview: ImportPreview; toCreate: AppointmentRow[] }> {
  const errors: RowError[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const [therapists, services, locations] = await Promise.all([
    tx.therapist.findMany({ where: { active: true }, include: { locations: true, services: true } }),
    tx.service.findMany({ where: { active: true } }),
    tx.location.findMany({ where: { active: true } }),
  ]);
  const findTherapist = byKey(therapists, (t) => [`${t.firstName} ${t.lastName}`]);
  const findService = byKey(services, (s) => [s.nameEn, s.nameEs]);
  const findLocation = byKey(locations, (l) => [l.name]);

  const emails = rows.map((r) => (r.cells.patient_email ?? "").trim().toLowerCase());
  const patients = await tx.patient.findMany({ where: { email: { in: [...new Set(emails)], mode: "insensitive" } } });

  const keyed = rows.map(({ row, cells }) => {
    const source = cells.source_id?.trim();
    const normalised = Object.keys(cells).sort().map((k) => `${k}=${cells[k]!.trim()}`).join("\u0000");
    return { row, cells, importKey: source ? `source:${source}` : `row:${createHash("sha256").update(normalised).digest("hex")}` };
  });
  const existingKeys = new Set(
    (await tx.appointment.findMany({ where: { importKey: { in: keyed.map((k) => k.importKey) } }, select: { importKey: true } })).map((a) => a.importKey),
  );

  const valid: AppointmentRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  let alreadyPresent = 0;
  for (const { row, cells, importKey } of keyed) {
    const before = errors.length;
    for (const [column, value] of Object.entries(cells)) {
      if (isFormulaCell(value)) fail(row, column, `Begins with "${value.trimStart()[0]}", which a spreadsheet would run as a formula; remove it and upload again.`);
    }
    if (errors.length > before) continue;
    const seenAt = firstRowOfKey.get(importKey);
    if (seenAt !== undefined) {
      fail(row, cells.source_id ? "source_id" : "start", `Same visit as row ${seenAt}; keep one of the two rows.`);
      continue;
    }
    firstRowOfKey.set(importKey, row);
    if (existingKeys.has(importKey)) {
      alreadyPresent++;
      continue;
    }

    const therapist = findTherapist(cells.therapist ?? "");
    const service = findService(cells.service ?? "");
    const location = findLocation(cells.location ?? "");
    if (therapist === "unknown") fail(row, "therapist", `No active therapist has the name or slug "${cells.therapist}".`);
    if (therapist === "ambiguous") fail(row, "therapist", `Several therapists are called "${cells.therapist}"; use the therapist's slug.`);
    if (service === "unknown") fail(row, "service", `No active service has the name or slug "${cells.service}".`);
    if (service === "ambiguous") fail(row, "service", `Several services are called "${cells.service}"; use the service's slug.`);
    if (location === "unknown") fail(row, "location", `No open location has the name or slug "${cells.location}".`);
    if (location === "ambiguous") fail(row, "location", `Several locations are called "${cells.location}"; use the location's slug.`);

    const dob = (cells.patient_date_of_birth ?? "").trim();
    const first = cells.patient_first_name?.trim().toLowerCase();
    const candidates = patients.filter(
      (p) => p.email.toLowerCase() === (cells.patient_email ?? "").trim().toLowerCase() && p.dateOfBirth.toISOString().slice(0, 10) === dob && (!first || p.firstName.toLowerCase() === first),
    );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dob)) fail(row, "patient_date_of_birth", "Enter a date as YYYY-MM-DD.");
    else if (candidates.length === 0) fail(row, "patient_email", "No patient has this email and date of birth; import the patient first.");
    else if (candidates.length > 1) fail(row, "patient_first_name", "Several patients share this email and date of birth; add patient_first_name.");

    const mode = (cells.mode ?? "").trim().toUpperCase() as VisitMode;
    if (!MODES.has(mode)) fail(row, "mode", "Write clinic, home or video.");
    if (errors.length > before || typeof therapist === "string" || typeof service === "string" || typeof location === "string") continue;
    const patient = candidates[0]!;

    if (!therapist.locations.some((l) => l.locationId === location.id)) fail(row, "therapist", `${therapist.firstName} ${therapist.lastName} does not work at ${location.name}.`);
    if (!therapist.services.some((s) => s.serviceId === service.id)) fail(row, "service", `${therapist.firstName} ${therapist.lastName} does not offer ${service.nameEn}.`);
    if (!service.visitModes.includes(mode) || !therapist.visitModes.includes(mode)) fail(row, "mode", `${service.nameEn} with ${therapist.firstName} ${therapist.lastName} is not offered as a ${mode.toLowerCase()} visit.`);
    if (mode === "HOME" && (!patient.addressLine1 || !patient.postalCode)) fail(row, "mode", "A home visit needs the patient's address on file; import it with the patient.");

    const start = readStart(cells.start ?? "", location.timeZone);
    if (typeof start === "string") fail(row, "start", start);
    else if (start <= now.getTime()) fail(row, "start", "This time has passed; only upcoming visits are imported.");
    else if (new Date(start).getUTCFullYear() > LAST_YEAR) fail(row, "start", `Use a date before ${LAST_YEAR}.`);
    if (errors.length > before || typeof start === "string") continue;

    const range = blockedRangeFor(start, { ...service, mode, travelMinutes: location.homeTravelMinutes });
    valid.push({ row, importKey, patient, therapist, service, location, mode, range });
  }

  // Overlaps within the file and with what is booked already, reported per row.
  const booked = valid.length === 0 ? [] : await tx.appointment.findMany({
    where: {
      // A live hold keeps its time as a visit does; an expired one gives way (the database lapses it).
      AND: [{ OR: [{ status: { in: [...ACTIVE_STATUSES] } }, { status: "HELD", holdExpiresAt: { gt: now } }] }],
      OR: [{ therapistId: { in: valid.map((v) => v.therapist.id) } }, { patientId: { in: valid.map((v) => v.patient.id) } }],
      blockedUntil: { gt: new Date(Math.min(...valid.map((v) => v.range.blockedFrom))) },
      blockedFrom: { lt: new Date(Math.max(...valid.map((v) => v.range.blockedUntil))) },
    },
    select: { therapistId: true, patientId: true, startsAt: true, endsAt: true, blockedFrom: true, blockedUntil: true },
  });
  const toCreate: AppointmentRow[] = [];
  for (const v of valid) {
    const held = { from: v.range.blockedFrom, to: v.range.blockedUntil };
    const visit = { from: v.range.start, to: v.range.end };
    const clashBooked = booked.find(
      (b) =>
        (b.therapistId === v.therapist.id && overlaps(held, { from: b.blockedFrom.getTime(), to: b.blockedUntil.getTime() })) ||
        (b.patientId === v.patient.id && overlaps(visit, { from: b.startsAt.getTime(), to: b.endsAt.getTime() })),
    );
    const clashFile = toCreate.find(
      (o) => (o.therapist.id === v.therapist.id && overlaps(held, { from: o.range.blockedFrom, to: o.range.blockedUntil })) || (o.patient.id === v.patient.id && overlaps(visit, { from: o.range.start, to: o.range.end })),
    );
    if (clashBooked) fail(v.row, "start", clashBooked.therapistId === v.therapist.id ? "The therapist already has a visit booked at this time." : "The patient already has a visit booked at this time.");
    else if (clashFile) fail(v.row, "start", `Overlaps row ${clashFile.row} (${clashFile.therapist.id === v.therapist.id ? "same therapist" : "same patient"}).`);
    else toCreate.push(v);
  }
  errors.sort((a, b) => a.row - b.row);
  return { preview: { rows: rows.length, toCreate: toCreate.length, alreadyPresent, errors }, toCreate };
}
