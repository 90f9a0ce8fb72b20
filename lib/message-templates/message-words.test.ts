import { describe, expect, it } from "vitest";
import { translator } from "../i18n/catalog";
import { withoutDoubledPeriod } from "../i18n/final-period";

// The words of the messages, read from the catalogue as the composers read
// them: the counts and choices ICU makes, in each language.

describe("the message words", () => {
  it("count the visits a find-my-booking message lists, in English and Spanish", () => {
    const en = translator("en", "messageLookup");
    const es = translator("es", "messageLookup");
    expect(en("intro", { count: 1 })).toBe("Here is the visit booked with this email address, with its own links.");
    expect(en("intro", { count: 3 })).toBe("Here are the 3 visits booked with this email address, each with its own links.");
    expect(es("intro", { count: 1 })).toBe("Esta es la cita reservada con esta dirección de correo, con sus propios enlaces.");
    expect(es("intro", { count: 3 })).toBe("Estas son las 3 citas reservadas con esta dirección de correo, cada una con sus propios enlaces.");
  });

  it("say who cancelled a visit", () => {
    const en = translator("en", "messageCancelled");
    const es = translator("es", "messageCancelled");
    expect(en("why", { by: "patient", practice: "Alpine PT" })).toBe("As you asked, this visit is cancelled.");
    expect(en("why", { by: "clinic", practice: "Alpine PT" })).toBe("Alpine PT has had to cancel this visit. We are sorry for the trouble; call us if you would like to know more.");
    expect(es("why", { by: "patient", practice: "Alpine PT" })).toBe("Tal como lo pidió, esta cita está cancelada.");
    expect(es("why", { by: "clinic", practice: "Alpine PT" })).toMatch(/^Alpine PT ha tenido que cancelar esta cita\./);
  });

  it("count the minutes before the video room opens", () => {
    expect(translator("en", "messageVisit")("joinVideo", { minutes: 15 })).toBe("Join the video visit (it opens 15 minutes before the start)");
    expect(translator("en", "messageVisit")("joinVideo", { minutes: 1 })).toBe("Join the video visit (it opens 1 minute before the start)");
    expect(translator("es", "messageVisit")("joinVideo", { minutes: 15 })).toBe("Entrar a la videoconsulta (se abre 15 minutos antes del inicio)");
    expect(translator("es", "messageVisit")("joinVideo", { minutes: 1 })).toBe("Entrar a la videoconsulta (se abre 1 minuto antes del inicio)");
  });

  it("name what happened and where in a therapist's notice", () => {
    const t = translator("en", "messageTherapistNotice");
    expect(t("subject", { event: "booked", patient: "Ana Ruiz", when: "Monday" })).toBe("New visit: Ana Ruiz, Monday");
    expect(t("what", { event: "moved" })).toBe("Visit moved");
    expect(t("what", { event: "cancelled" })).toBe("Visit cancelled");
    expect(t("when", { event: "moved" })).toBe("Now");
    expect(t("when", { event: "booked" })).toBe("When");
    expect(t("place", { mode: "HOME", location: "Downtown", place: "" })).toBe("Home visit (Downtown)");
    expect(t("place", { mode: "VIDEO", location: "Downtown", place: "" })).toBe("Video visit");
    expect(t("place", { mode: "CLINIC", location: "Downtown", place: "Room 7, Downtown" })).toBe("Room 7, Downtown");
  });

  it("keep the plain apostrophe of “I'll be there”, which a text message sends in its short alphabet", () => {
    const t = translator("en", "messageReminder");
    expect(t("coming")).toBe("I'll be there");
    expect(t("sms", { practice: "P", day: "Monday", time: "9:00 AM", coming: "c", change: "r", preferences: "p", fees: "none" })).toBe(
      "P: reminder of your visit Monday at 9:00 AM. Reply C if you'll be there or R to change it, or open c (I'll be there) or r (I need to change). Reminder settings: p",
    );
    // A visit that carries the practice's fees names them after the time.
    expect(t("sms", { practice: "P", day: "Monday", time: "9:00 AM", coming: "c", change: "r", preferences: "p", fees: "Missed visit: $40.00 fee." })).toBe(
      "P: reminder of your visit Monday at 9:00 AM. Missed visit: $40.00 fee. Reply C if you'll be there or R to change it, or open c (I'll be there) or r (I need to change). Reminder settings: p",
    );
  });

  it("end a sentence on a Spanish time with one period, leaving an ellipsis alone", () => {
    const was = translator("es", "messageRescheduled")("was", { when: "lunes, 7 de diciembre de 2026, 2:00 p.m." });
    expect(withoutDoubledPeriod(was)).toBe("Antes era el lunes, 7 de diciembre de 2026, 2:00 p.m.");
    expect(withoutDoubledPeriod("Espere... ya casi.")).toBe("Espere... ya casi.");
  });
});
