import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { caughtMailTo, withMailCatcher } from "../../test/mail-catcher";
import { proposeCarePlan } from "../care-plans/data";
import { bookCarePlan } from "../care-plans/mutations";
import { bookCarePlanSchema, carePlanSchema } from "../care-plans/schema";
import { getPrisma } from "../db/client";
import { sendMessage } from "../messages/send";
import { COMPOSERS } from "./registry";

const smtp = withMailCatcher();
// Sent on the real clock, so the plan starts on a Monday one to two weeks from now.
const ctx = { now: new Date(), ipAddress: "127.0.0.1" };
const DAY_MS = 86_400_000;
const monday = (() => {
  const start = new Date(Date.now() + 7 * DAY_MS);
  return new Date(start.getTime() + ((8 - (start.getUTCDay() || 7)) % 7) * DAY_MS).toISOString().slice(0, 10);
})();

describe("the confirmation of a plan of care", () => {
  it("is one message, on the first visit, listing the series' other visits in the patient's language", async () => {
    const practice = await createPractice({ therapists: 1, hours: [{ weekdays: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080, visitModes: ["CLINIC"] }] });
    const email = `${uniq("serie")}@example.com`;
    const patient = await getPrisma().patient.create({
      data: { firstName: "Lucía", lastName: "Serie", email, phone: "+19155550100", dateOfBirth: new Date("1990-01-01"), preferredLanguage: "es" },
    });
    const desk = await createStaffMember("FRONT_DESK");
    const plan = carePlanSchema.parse({
      patientId: patient.id,
      therapistId: practice.therapists[0]!.id,
      serviceId: practice.service.id,
      locationId: practice.location.id,
      mode: "CLINIC",
      treats: "Rodilla",
      visitsPerWeek: 2,
      weeks: 1,
      preferredWeekdays: [1, 4],
      windowStartMinute: 540,
      windowEndMinute: 600,
      startsOn: monday,
    });
    const proposal = await proposeCarePlan(desk, plan, ctx);
    const occurrences = proposal.occurrences.map((o) => ({ start: o.time!.start, therapistId: o.time!.therapistId }));
    const booked = await bookCarePlan(desk, bookCarePlanSchema.parse({ plan, occurrences }), ctx);

    const messages = await getPrisma().message.findMany({ where: { kind: "confirmation", appointmentId: { in: booked.appointments.map((a) => a.id) } } });
    expect(messages.map((m) => m.appointmentId)).toEqual([booked.appointments[0]!.id]);
    expect(await sendMessage(messages[0]!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail] = await caughtMailTo(email);
    expect(mail!.text).toContain("Las demás visitas de su plan");
    expect(mail!.text).toMatch(/jueves, \d+ de \w+ de \d{4}, 9:00.*, con Therapist0/);
  });
});
