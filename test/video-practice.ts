import { randomUUID } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createManageToken, hashManageToken } from "@/lib/booking/manage-token";
import { videoJoinTokenFor, videoJoinTokenHashFor } from "@/lib/video/join-token";

// Video visits need a room that is open now, whatever time of day the tests
// (or the benchmark) run. This practice has a therapist who takes video
// visits around the clock and a service with no minimum notice, written
// straight into the database as staff would set them up. Its own location
// keeps it out of the demo clinic's calendars.

export interface VideoPractice {
  locationId: string;
  therapistId: string;
  therapistName: string;
  serviceId: string;
  serviceSlug: string;
  staffEmail: string;
  staffPassword: string;
}

export async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createVideoPractice(databaseUrl: string): Promise<VideoPractice> {
  const tag = randomUUID().slice(0, 8);
  const staffPassword = `video-e2e-${tag}`;
  const passwordHash = await hashPassword(staffPassword);
  return withDatabase(databaseUrl, async (db) => {
    const one = async (sql: string, values: unknown[]) => (await db.query<{ id: string }>(sql, values)).rows[0]!.id;
    const locationId = await one(
      `INSERT INTO "Location" ("slug", "name", "addressLine1", "city", "region", "postalCode", "timeZone", "updatedAt")
       VALUES ($1, $2, '100 Virtual Way', 'El Paso', 'TX', '79912', 'America/Denver', now()) RETURNING "id"`,
      [`telehealth-${tag}`, `Telehealth desk ${tag}`],
    );
    const therapistId = await one(
      `INSERT INTO "Therapist" ("slug", "firstName", "lastName", "credentials", "visitModes", "languages", "updatedAt")
       VALUES ($1, 'Vera', $2, 'PT, DPT', '{VIDEO}', '{en,es}', now()) RETURNING "id"`,
      [`vera-${tag}`, `Lindqvist-${tag}`],
    );
    // Fifteen minutes, the engine's step: the first open time is then never
    // more than fifteen minutes away, so its room is already open, at any
    // hour (a longer visit cannot start in the last quarter hour before
    // midnight, and the first time would be up to half an hour off).
    const serviceSlug = `video-check-in-${tag}`;
    const serviceId = await one(
      `INSERT INTO "Service" ("slug", "nameEn", "nameEs", "durationMinutes", "visitModes", "minNoticeMinutes", "cancelCutoffMinutes", "sortOrder", "updatedAt")
       VALUES ($1, $2, $3, 15, '{VIDEO}', 0, 0, 99, now()) RETURNING "id"`,
      [serviceSlug, `Video check-in ${tag}`, `Control por video ${tag}`],
    );
    await db.query(`INSERT INTO "TherapistLocation" ("therapistId", "locationId") VALUES ($1, $2)`, [therapistId, locationId]);
    await db.query(`INSERT INTO "TherapistService" ("therapistId", "serviceId") VALUES ($1, $2)`, [therapistId, serviceId]);
    for (let weekday = 1; weekday <= 7; weekday++) {
      await db.query(
        `INSERT INTO "WeeklyHours" ("therapistId", "locationId", "weekday", "startMinute", "endMinute", "visitModes") VALUES ($1, $2, $3, 0, 1440, '{VIDEO}')`,
        [therapistId, locationId, weekday],
      );
    }
    const staffEmail = `vera-${tag}@e2e.stride.test`;
    await db.query(
      `INSERT INTO "StaffUser" ("email", "name", "role", "passwordHash", "therapistId", "updatedAt") VALUES ($1, $2, 'THERAPIST', $3, $4, now())`,
      [staffEmail, `Vera Lindqvist-${tag}`, passwordHash, therapistId],
    );
    return { locationId, therapistId, therapistName: `Vera Lindqvist-${tag}`, serviceId, serviceSlug, staffEmail, staffPassword };
  });
}

/** A video visit written directly at any time, past or future, and the patient's join token for it. */
export async function insertVideoVisit(
  databaseUrl: string,
  practice: VideoPractice,
  startsAt: Date,
  minutes = 30,
): Promise<{ appointmentId: string; joinToken: string }> {
  const manageToken = createManageToken();
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  return withDatabase(databaseUrl, async (db) => {
    const tag = randomUUID().slice(0, 8);
    const patient = await db.query<{ id: string }>(
      `INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "updatedAt")
       VALUES ('Rosa', $1, $2, '+1 915 555 0142', '1988-06-01', now()) RETURNING "id"`,
      [`Early-${tag}`, `rosa-${tag}@example.com`],
    );
    const appointment = await db.query<{ id: string }>(
      `INSERT INTO "Appointment" ("patientId", "therapistId", "serviceId", "locationId", "mode", "startsAt", "endsAt", "blockedFrom", "blockedUntil",
                                  "source", "manageTokenHash", "videoJoinTokenHash", "manageTokenExpiresAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'VIDEO', $5, $6, $5, $6, 'STAFF', $7, $8, $9, now()) RETURNING "id"`,
      [patient.rows[0]!.id, practice.therapistId, practice.serviceId, practice.locationId, startsAt, endsAt, hashManageToken(manageToken), videoJoinTokenHashFor(manageToken), new Date(endsAt.getTime() + 30 * 86_400_000)],
    );
    return { appointmentId: appointment.rows[0]!.id, joinToken: videoJoinTokenFor(manageToken) };
  });
}

export async function readVisitTimes(databaseUrl: string, appointmentId: string) {
  return withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query<{ status: string; patientJoinedAt: Date | null; patientLeftAt: Date | null; therapistJoinedAt: Date | null; admittedAt: Date | null }>(
      `SELECT "status"::text AS "status", "patientJoinedAt", "patientLeftAt", "therapistJoinedAt", "admittedAt" FROM "Appointment" WHERE "id" = $1`,
      [appointmentId],
    );
    return rows[0]!;
  });
}
