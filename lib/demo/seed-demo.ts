import { DateTime } from "luxon";
import { hashPassword } from "../auth/password";
import { createManageToken, hashManageToken } from "../booking/manage-token";
import { videoJoinTokenFor, videoJoinTokenHashFor } from "../video/join-token";
import { blockedRangeFor } from "../scheduling/blocked-range";
import type { Patient, Prisma, PrismaClient } from "../db/generated/client";
import type { VisitMode } from "../db/generated/enums";

// The demo practice: a physical-therapy clinic on the border that sees a lot
// of runners with inner-knee pain. Names and addresses are made up.

const ZONE = "America/Denver";

const LOCATIONS = [
  {
    slug: "el-paso-westside",
    name: "Border Therapy Services: Westside",
    addressLine1: "5860 N Mesa St, Suite 120",
    city: "El Paso",
    region: "TX",
    postalCode: "79912",
    phone: "+1 915-555-0142",
    timeZone: ZONE,
    homePostalCodes: ["79912", "79922", "79932", "79911", "79902"],
    rooms: [
      { name: "Treatment room 1", capacity: 1 },
      { name: "Treatment room 2", capacity: 1 },
      { name: "Treatment room 3", capacity: 1 },
      { name: "Exercise floor", capacity: 3 },
    ],
  },
  {
    slug: "las-cruces",
    name: "Border Therapy Services: Las Cruces",
    addressLine1: "2110 E Lohman Ave",
    city: "Las Cruces",
    region: "NM",
    postalCode: "88001",
    phone: "+1 575-555-0187",
    timeZone: ZONE,
    homePostalCodes: ["88001", "88005", "88011", "88012"],
    rooms: [
      { name: "Room A", capacity: 1 },
      { name: "Room B", capacity: 1 },
      { name: "Gym", capacity: 2 },
    ],
  },
] as const;

/** The demo clinic's services; the benchmark seeds the same ones. */
export const DEMO_SERVICES = [
  {
    slug: "free-screening",
    nameEn: "Free screening",
    nameEs: "Evaluación gratuita",
    descriptionEn: "A short first look at what hurts, so we can tell you whether therapy will help and what it would involve.",
    descriptionEs: "Una primera revisión breve de su molestia para decirle si la terapia le ayudará y en qué consistiría.",
    durationMinutes: 20,
    priceCents: 0,
    visitModes: ["CLINIC", "HOME"] as VisitMode[],
    bufferAfterMinutes: 10,
    minNoticeMinutes: 120,
    horizonDays: 45,
    cancelCutoffMinutes: 120,
    newPatientsOnly: true,
    sortOrder: 1,
  },
  {
    slug: "therapy-session",
    nameEn: "Physical therapy session",
    nameEs: "Sesión de fisioterapia",
    descriptionEn: "Hands-on treatment and guided exercise following your therapy plan, ending with your home exercises.",
    descriptionEs: "Tratamiento manual y ejercicio guiado según su plan, con sus ejercicios para casa al final.",
    durationMinutes: 45,
    priceCents: 11000,
    visitModes: ["CLINIC", "HOME", "VIDEO"] as VisitMode[],
    bufferAfterMinutes: 15,
    minNoticeMinutes: 240,
    horizonDays: 60,
    cancelCutoffMinutes: 1440,
    newPatientsOnly: false,
    sortOrder: 2,
  },
  {
    slug: "graston-technique",
    nameEn: "Graston Technique® session",
    nameEs: "Sesión de técnica Graston®",
    descriptionEn: "Instrument-assisted soft-tissue work to ease tension and scar tissue around the knee.",
    descriptionEs: "Trabajo de tejidos blandos con instrumentos para aliviar la tensión y el tejido cicatricial de la rodilla.",
    durationMinutes: 30,
    priceCents: 8500,
    visitModes: ["CLINIC"] as VisitMode[],
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 240,
    horizonDays: 60,
    cancelCutoffMinutes: 1440,
    newPatientsOnly: false,
    sortOrder: 3,
  },
  {
    slug: "exercise-program-review",
    nameEn: "Home exercise program review",
    nameEs: "Revisión del programa de ejercicios en casa",
    descriptionEn: "We check how your stretches and strengthening work is going and adjust the program.",
    descriptionEs: "Revisamos cómo van sus estiramientos y ejercicios de fuerza y ajustamos el programa.",
    durationMinutes: 30,
    priceCents: 6000,
    visitModes: ["CLINIC", "VIDEO"] as VisitMode[],
    bufferAfterMinutes: 5,
    minNoticeMinutes: 120,
    horizonDays: 60,
    cancelCutoffMinutes: 720,
    newPatientsOnly: false,
    sortOrder: 4,
  },
];

const REASONS = [
  ["knee-pain-running", "Inner knee pain when running", "Dolor en la parte interna de la rodilla al correr"],
  ["mcl-injury", "MCL (medial collateral ligament) injury", "Lesión del ligamento colateral medial (LCM)"],
  ["plica-syndrome", "Plica syndrome", "Síndrome de plica"],
  ["pinched-nerve", "Pinched nerve", "Nervio pinzado"],
  ["post-surgery", "Recovery after surgery", "Recuperación después de una cirugía"],
  ["back-neck-pain", "Back or neck pain", "Dolor de espalda o cuello"],
  ["shoulder-pain", "Shoulder pain", "Dolor de hombro"],
  ["sports-injury", "Another sports injury", "Otra lesión deportiva"],
] as const;

interface TherapistSeed {
  slug: string;
  firstName: string;
  lastName: string;
  credentials: string;
  bioEn: string;
  bioEs: string;
  languages: string[];
  visitModes: VisitMode[];
  services: string[];
  /** [locationSlug, weekdays, startHour, endHour, modes] */
  hours: [string, number[], number, number, VisitMode[]][];
}

const CLINIC_VIDEO: VisitMode[] = ["CLINIC", "VIDEO"];
const HOME: VisitMode[] = ["HOME"];

const THERAPISTS: TherapistSeed[] = [
  {
    slug: "dana-whitfield",
    firstName: "Dana",
    lastName: "Whitfield",
    credentials: "PT, DPT, OCS",
    bioEn: "Orthopaedic specialist and marathoner; most of her patients are runners getting back on the road.",
    bioEs: "Especialista ortopédica y maratonista; la mayoría de sus pacientes son corredores que vuelven a entrenar.",
    languages: ["en"],
    visitModes: ["CLINIC", "HOME", "VIDEO"],
    services: ["free-screening", "therapy-session", "graston-technique", "exercise-program-review"],
    hours: [
      ["el-paso-westside", [1, 3, 5], 8, 12, CLINIC_VIDEO],
      ["el-paso-westside", [1, 3, 5], 13, 17, CLINIC_VIDEO],
      ["el-paso-westside", [2, 4], 8, 12, CLINIC_VIDEO],
      ["el-paso-westside", [2, 4], 13, 17, HOME],
    ],
  },
  {
    slug: "luis-carrillo",
    firstName: "Luis",
    lastName: "Carrillo",
    credentials: "PT, DPT",
    bioEn: "Treats knee and hip problems with a mix of manual therapy and strength work. Certified in the Graston Technique.",
    bioEs: "Trata problemas de rodilla y cadera combinando terapia manual y fortalecimiento. Certificado en técnica Graston.",
    languages: ["en", "es"],
    visitModes: ["CLINIC", "VIDEO"],
    services: ["free-screening", "therapy-session", "graston-technique", "exercise-program-review"],
    hours: [
      ["el-paso-westside", [1, 2, 3, 4], 9, 13, CLINIC_VIDEO],
      ["el-paso-westside", [1, 2, 3, 4], 14, 18, CLINIC_VIDEO],
      ["el-paso-westside", [6], 8, 12, CLINIC_VIDEO],
    ],
  },
  {
    slug: "maria-delgado",
    firstName: "María",
    lastName: "Delgado",
    credentials: "PT, MPT",
    bioEn: "Sees patients at home across the Westside and helps people return to activity after surgery.",
    bioEs: "Atiende a domicilio en todo el Westside y acompaña a quienes vuelven a la actividad tras una cirugía.",
    languages: ["es", "en"],
    visitModes: ["CLINIC", "HOME"],
    services: ["free-screening", "therapy-session", "exercise-program-review"],
    hours: [
      ["el-paso-westside", [1, 2, 3, 4, 5], 8, 12, HOME],
      ["el-paso-westside", [1, 3], 13, 16, ["CLINIC"]],
      ["las-cruces", [2, 4], 13, 17, ["CLINIC"]],
    ],
  },
  {
    slug: "kevin-osei",
    firstName: "Kevin",
    lastName: "Osei",
    credentials: "PT, DPT, SCS",
    bioEn: "Sports clinical specialist: gait analysis, running form and return-to-run plans.",
    bioEs: "Especialista clínico deportivo: análisis de la marcha, técnica de carrera y planes de regreso a correr.",
    languages: ["en"],
    visitModes: ["CLINIC", "HOME", "VIDEO"],
    services: ["free-screening", "therapy-session", "graston-technique", "exercise-program-review"],
    hours: [
      ["las-cruces", [1, 2, 3, 4, 5], 7, 11, CLINIC_VIDEO],
      ["las-cruces", [1, 3, 5], 12, 16, CLINIC_VIDEO],
      ["las-cruces", [2, 4], 12, 16, HOME],
    ],
  },
  {
    slug: "ana-ruiz",
    firstName: "Ana",
    lastName: "Ruiz",
    credentials: "PTA",
    bioEn: "Physical therapist assistant who runs exercise sessions and keeps home programs on track.",
    bioEs: "Asistente de fisioterapia que dirige las sesiones de ejercicio y da seguimiento a los programas en casa.",
    languages: ["es", "en"],
    visitModes: ["CLINIC", "VIDEO"],
    services: ["therapy-session", "exercise-program-review"],
    hours: [
      ["las-cruces", [1, 2, 3, 4, 5], 10, 14, CLINIC_VIDEO],
      ["las-cruces", [6], 9, 13, CLINIC_VIDEO],
    ],
  },
];

const PATIENTS = [
  ["Jordan", "Mills", "jordan.mills@example.com", "+19155550101", "1990-05-14", "en"],
  ["Sofía", "Herrera", "sofia.herrera@example.com", "+19155550102", "1985-09-02", "es"],
  ["Priya", "Nair", "priya.nair@example.com", "+15755550103", "1994-01-27", "en"],
  ["Marcus", "Lee", "marcus.lee@example.com", "+19155550104", "1978-11-30", "en"],
  ["Elena", "Vargas", "elena.vargas@example.com", "+15755550105", "1969-03-08", "es"],
  ["Tom", "Brennan", "tom.brennan@example.com", "+19155550106", "2001-07-19", "en"],
] as const;

/** Demo-only staff accounts: they exist in the demo seed and nowhere else. */
export const DEMO_STAFF_PASSWORD = "stride-demo-2026";
export const DEMO_STAFF = [
  { email: "admin@demo.stride.test", name: "Alex Moreno", role: "ADMIN", therapistSlug: null },
  { email: "frontdesk@demo.stride.test", name: "Jamie Ortiz", role: "FRONT_DESK", therapistSlug: null },
  { email: "dana@demo.stride.test", name: "Dana Whitfield", role: "THERAPIST", therapistSlug: "dana-whitfield" },
  { email: "luis@demo.stride.test", name: "Luis Carrillo", role: "THERAPIST", therapistSlug: "luis-carrillo" },
] as const;

const DEMO_PRACTICE = {
  name: "Border Therapy Services",
  isDemo: true,
  cancellationPolicyEn:
    "You can change or cancel a visit online until the time shown when you book and in your confirmation. After that, please call the clinic.\n\nWe do not charge for a late cancellation. If you miss two visits without telling us, we may ask you to book your next visits by phone.",
  cancellationPolicyEs:
    "Puede cambiar o cancelar una cita en línea hasta la hora indicada al reservar y en su confirmación. Después, llame a la clínica.\n\nNo cobramos por una cancelación tardía. Si falta a dos citas sin avisarnos, podemos pedirle que reserve las siguientes por teléfono.",
  privacyPolicyEn:
    "We keep your name, contact details, date of birth and the notes of your visits to arrange and provide your care, for as long as the law requires us to keep health records.\n\nWe never share them for marketing. To see, correct or ask about your details, call or write to the clinic.",
  privacyPolicyEs:
    "Guardamos su nombre, sus datos de contacto, su fecha de nacimiento y las notas de sus citas para organizar y prestar su atención, durante el tiempo que la ley exige conservar los expedientes médicos.\n\nNunca los compartimos con fines publicitarios. Para ver, corregir o consultar sus datos, llame o escriba a la clínica.",
};

/** True when the database already holds a practice (seeding is a first-run step). */
export async function hasPractice(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.location.count()) > 0;
}

/**
 * Writes the demo practice. Appointments are placed relative to `now` so the
 * calendar always has something on it, at hours every therapist works.
 */
export async function seedDemoPractice(prisma: PrismaClient, now: Date = new Date()): Promise<{ videoJoinToken: string }> {
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  return prisma.$transaction(
    async (tx) => {
      await tx.practice.create({ data: DEMO_PRACTICE });
      const locationIds = new Map<string, string>();
      for (const { rooms, ...l } of LOCATIONS) {
        const loc = await tx.location.create({
          data: { ...l, homePostalCodes: [...l.homePostalCodes], rooms: { create: rooms.map((r) => ({ ...r })) } },
        });
        locationIds.set(l.slug, loc.id);
      }
      const serviceIds = new Map<string, string>();
      for (const s of DEMO_SERVICES) serviceIds.set(s.slug, (await tx.service.create({ data: s })).id);
      await tx.visitReason.createMany({
        data: REASONS.map(([slug, labelEn, labelEs], i) => ({ slug, labelEn, labelEs, sortOrder: i })),
      });

      const therapistIds = new Map<string, string>();
      for (const t of THERAPISTS) {
        const locs = [...new Set(t.hours.map((h) => h[0]))];
        const created = await tx.therapist.create({
          data: {
            slug: t.slug,
            firstName: t.firstName,
            lastName: t.lastName,
            credentials: t.credentials,
            bioEn: t.bioEn,
            bioEs: t.bioEs,
            languages: t.languages,
            visitModes: t.visitModes,
            locations: { create: locs.map((slug) => ({ locationId: locationIds.get(slug)! })) },
            services: { create: t.services.map((slug) => ({ serviceId: serviceIds.get(slug)! })) },
            weeklyHours: {
              create: t.hours.flatMap(([loc, days, from, to, modes]) =>
                days.map((weekday) => ({
                  locationId: locationIds.get(loc)!,
                  weekday,
                  startMinute: from * 60,
                  endMinute: to * 60,
                  visitModes: modes,
                })),
              ),
            },
          },
        });
        therapistIds.set(t.slug, created.id);
      }

      for (const member of DEMO_STAFF) {
        await tx.staffUser.create({
          data: {
            email: member.email,
            name: member.name,
            role: member.role,
            passwordHash,
            therapistId: member.therapistSlug ? therapistIds.get(member.therapistSlug)! : null,
          },
        });
      }

      const patients = [];
      for (const [firstName, lastName, email, phone, dob, lang] of PATIENTS) {
        patients.push(
          await tx.patient.create({
            data: { firstName, lastName, email, phone, dateOfBirth: new Date(`${dob}T00:00:00Z`), preferredLanguage: lang },
          }),
        );
      }

      // A few visits in the coming days, all at 10:00 local on days the chosen
      // therapist works at that hour, so none of them collide.
      const therapy = DEMO_SERVICES[1]!;
      const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf("day");
      const plan: [string, string, number][] = [
        ["dana-whitfield", "el-paso-westside", 1],
        ["luis-carrillo", "el-paso-westside", 2],
        ["kevin-osei", "las-cruces", 3],
        ["ana-ruiz", "las-cruces", 4],
        ["dana-whitfield", "el-paso-westside", 5],
        ["luis-carrillo", "el-paso-westside", 6],
      ];
      let p = 0;
      for (const [therapistSlug, locSlug, offset] of plan) {
        const t = THERAPISTS.find((x) => x.slug === therapistSlug)!;
        let day = today.plus({ days: offset });
        const worksAtTen = (d: DateTime) =>
          t.hours.some(([l, days, from, to, modes]) => l === locSlug && days.includes(d.weekday) && from <= 10 && to >= 11 && modes.includes("CLINIC"));
        while (!worksAtTen(day)) day = day.plus({ days: 1 });
        const start = day.set({ hour: 10 });
        const end = start.plus({ minutes: therapy.durationMinutes });
        const patient = patients[p++ % patients.length]!;
        await tx.appointment.create({
          data: {
            patientId: patient.id,
            therapistId: therapistIds.get(therapistSlug)!,
            serviceId: serviceIds.get(therapy.slug)!,
            locationId: locationIds.get(locSlug)!,
            mode: "CLINIC",
            startsAt: start.toJSDate(),
            endsAt: end.toJSDate(),
            blockedFrom: start.toJSDate(),
            blockedUntil: end.plus({ minutes: therapy.bufferAfterMinutes }).toJSDate(),
            source: "STAFF",
            language: patient.preferredLanguage,
            reasonSlug: REASONS[p % REASONS.length]![0],
            manageTokenHash: hashManageToken(createManageToken()),
            manageTokenExpiresAt: end.plus({ days: 30 }).toJSDate(),
          },
        });
      }

      return seedDanasTwoDays(tx, {
        now,
        therapistId: therapistIds.get("dana-whitfield")!,
        locationId: locationIds.get("el-paso-westside")!,
        serviceIds,
        patients,
      });
    },
    { timeout: 60_000 },
  );
}

interface DayVisitSeed {
  /** 0 = today, 1 = tomorrow, in the demo zone. */
  day: 0 | 1;
  hour: number;
  minute: number;
  service: string;
  mode: VisitMode;
  patient: number;
  reasonSlug: string;
  reasonText: string;
  room?: string;
  cancellationReason?: string;
}

/**
 * Dana's visits today and tomorrow, so "My day" is never empty for the demo
 * therapist: mornings in the clinic or on video, one home visit on a Tuesday
 * or Thursday afternoon (her home-visit time) when today or tomorrow is one.
 * They keep clear of the 10:00 visits above. Dana does not work weekends, so
 * on a Saturday or Sunday (or a Friday, for the home visit) these sit at her
 * weekday times anyway: a demo run any day of the week must have a day to show.
 */
async function seedDanasTwoDays(
  tx: Prisma.TransactionClient,
  ids: { now: Date; therapistId: string; locationId: string; serviceIds: Map<string, string>; patients: Patient[] },
): Promise<{ videoJoinToken: string }> {
  let videoJoinToken = "";
  const today = DateTime.fromJSDate(ids.now, { zone: ZONE }).startOf("day");
  const homeDay = ([0, 1] as const).find((d) => [2, 4].includes(today.plus({ days: d }).weekday)) ?? 0;
  const visits: DayVisitSeed[] = [
    { day: 0, hour: 8, minute: 30, service: "therapy-session", mode: "CLINIC", room: "Treatment room 2", patient: 3, reasonSlug: "knee-pain-running", reasonText: "Inner knee aches after 10 km; half marathon in March." },
    { day: 0, hour: 11, minute: 0, service: "exercise-program-review", mode: "VIDEO", patient: 2, reasonSlug: "back-neck-pain", reasonText: "Check the new core routine while travelling for work." },
    { day: homeDay, hour: 14, minute: 0, service: "therapy-session", mode: "HOME", patient: 4, reasonSlug: "post-surgery", reasonText: "Six weeks after a knee replacement; the stairs at home are still hard." },
    { day: 0, hour: 15, minute: 45, service: "graston-technique", mode: "CLINIC", room: "Treatment room 1", patient: 5, reasonSlug: "sports-injury", reasonText: "Tight IT band after weekend soccer.", cancellationReason: "Patient called in sick." },
    { day: 1, hour: 8, minute: 30, service: "graston-technique", mode: "CLINIC", room: "Treatment room 1", patient: 1, reasonSlug: "mcl-injury", reasonText: "MCL sprain from a fall while hiking; wants to run again by spring." },
    { day: 1, hour: 11, minute: 15, service: "exercise-program-review", mode: "CLINIC", room: "Treatment room 3", patient: 5, reasonSlug: "sports-injury", reasonText: "Review the hip-strength program before the season starts." },
  ];
  const rooms = new Map((await tx.room.findMany({ where: { locationId: ids.locationId } })).map((r) => [r.name, r.id]));
  const location = await tx.location.findUniqueOrThrow({ where: { id: ids.locationId } });
  for (const v of visits) {
    const service = DEMO_SERVICES.find((s) => s.slug === v.service)!;
    const patient = ids.patients[v.patient]!;
    const start = today.plus({ days: v.day }).set({ hour: v.hour, minute: v.minute });
    const range = blockedRangeFor(start.toMillis(), {
      mode: v.mode,
      durationMinutes: service.durationMinutes,
      bufferBeforeMinutes: service.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: service.bufferAfterMinutes,
      travelMinutes: location.homeTravelMinutes,
    });
    const home = v.mode === "HOME";
    const manageToken = createManageToken();
    await tx.appointment.create({
      data: {
        patientId: patient.id,
        therapistId: ids.therapistId,
        serviceId: ids.serviceIds.get(v.service)!,
        locationId: ids.locationId,
        roomId: v.room ? rooms.get(v.room)! : null,
        mode: v.mode,
        startsAt: new Date(range.start),
        endsAt: new Date(range.end),
        blockedFrom: new Date(range.blockedFrom),
        blockedUntil: new Date(range.blockedUntil),
        source: "STAFF",
        language: patient.preferredLanguage,
        reasonSlug: v.reasonSlug,
        reasonText: v.reasonText,
        visitAddressLine1: home ? "4410 Loma Del Norte Dr" : null,
        visitCity: home ? "El Paso" : null,
        visitPostalCode: home ? "79912" : null,
        ...(v.cancellationReason ? { status: "CANCELLED", cancelledAt: ids.now, cancellationReason: v.cancellationReason } : {}),
        manageTokenHash: hashManageToken(manageToken),
        videoJoinTokenHash: videoJoinTokenHashFor(manageToken),
        manageTokenExpiresAt: new Date(range.end + 30 * 86_400_000),
      },
    });
    if (v.mode === "VIDEO") videoJoinToken = videoJoinTokenFor(manageToken);
  }
  return { videoJoinToken };
}
