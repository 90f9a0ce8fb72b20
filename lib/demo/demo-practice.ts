import type { PrismaClient } from "../db/generated/client";
import type { PaymentRule, VisitMode } from "../db/generated/enums";
import type { TherapistLanguage } from "../therapists/languages";

// The demo practice: a physical-therapy clinic on the border that sees a lot
// of runners with inner-knee pain. Names and addresses are made up.

export const ZONE = "America/Denver";

export const LOCATIONS = [
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
    // Free: nothing to pay and no card asked for, so nothing stands between a new patient and a first look.
    paymentRule: "NONE" as PaymentRule,
    depositPercent: null,
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
    // Online changes close 4 hours before; inside the practice's 24-hour late
    // window a cancellation still goes through, and the late fee is kept.
    cancelCutoffMinutes: 240,
    // A quarter up front ($27.50) holds the therapist's hour; the rest is paid at the visit.
    paymentRule: "DEPOSIT" as PaymentRule,
    depositPercent: 25,
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
    cancelCutoffMinutes: 240,
    paymentRule: "FULL" as PaymentRule,
    depositPercent: null,
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
    // A short review, often by video: a saved card covers a missed one.
    paymentRule: "CARD_ON_FILE" as PaymentRule,
    depositPercent: null,
    newPatientsOnly: false,
    sortOrder: 4,
  },
];

/** A package of therapy sessions, sold online: six visits for a little less than six single sessions ($660). */
export const DEMO_PACKAGE_OFFERS = [
  {
    nameEn: "Six therapy sessions",
    nameEs: "Seis sesiones de fisioterapia",
    service: "therapy-session",
    visits: "6",
    validityDays: "183",
    price: "600.00",
    active: true,
    sortOrder: "1",
  },
] as const;

export const REASONS = [
  ["knee-pain-running", "Inner knee pain when running", "Dolor en la parte interna de la rodilla al correr"],
  ["mcl-injury", "MCL (medial collateral ligament) injury", "Lesión del ligamento colateral medial (LCM)"],
  ["plica-syndrome", "Plica syndrome", "Síndrome de plica"],
  ["pinched-nerve", "Pinched nerve", "Nervio pinzado"],
  ["post-surgery", "Recovery after surgery", "Recuperación después de una cirugía"],
  ["back-neck-pain", "Back or neck pain", "Dolor de espalda o cuello"],
  ["shoulder-pain", "Shoulder pain", "Dolor de hombro"],
  ["sports-injury", "Another sports injury", "Otra lesión deportiva"],
] as const;

export interface TherapistSeed {
  slug: string;
  firstName: string;
  lastName: string;
  credentials: string;
  bioEn: string;
  bioEs: string;
  languages: TherapistLanguage[];
  visitModes: VisitMode[];
  services: string[];
  /** [locationSlug, weekdays, startHour, endHour, modes] */
  hours: [string, number[], number, number, VisitMode[]][];
}

const CLINIC_VIDEO: VisitMode[] = ["CLINIC", "VIDEO"];
const HOME: VisitMode[] = ["HOME"];

export const THERAPISTS: TherapistSeed[] = [
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

export const PATIENTS = [
  ["Jordan", "Mills", "jordan.mills@example.com", "+1 915-555-0101", "1990-05-14", "en"],
  ["Sofía", "Herrera", "sofia.herrera@example.com", "+1 915-555-0102", "1985-09-02", "es"],
  ["Priya", "Nair", "priya.nair@example.com", "+1 575-555-0103", "1994-01-27", "en"],
  ["Marcus", "Lee", "marcus.lee@example.com", "+1 915-555-0104", "1978-11-30", "en"],
  ["Elena", "Vargas", "elena.vargas@example.com", "+1 575-555-0105", "1969-03-08", "es"],
  ["Tom", "Brennan", "tom.brennan@example.com", "+1 915-555-0106", "2001-07-19", "en"],
] as const;

/** Demo-only staff accounts: they exist in the demo seed and nowhere else. */
export const DEMO_STAFF_PASSWORD = "stride-demo-2026";
export const DEMO_STAFF = [
  { email: "admin@demo.stride.test", name: "Alex Moreno", role: "ADMIN", therapistSlug: null },
  { email: "frontdesk@demo.stride.test", name: "Jamie Ortiz", role: "FRONT_DESK", therapistSlug: null },
  { email: "dana@demo.stride.test", name: "Dana Whitfield", role: "THERAPIST", therapistSlug: "dana-whitfield" },
  { email: "luis@demo.stride.test", name: "Luis Carrillo", role: "THERAPIST", therapistSlug: "luis-carrillo" },
] as const;

export const DEMO_PRACTICE = {
  name: "Border Therapy Services",
  cancellationPolicyEn:
    "You can change or cancel a visit online until the time shown when you book and in your confirmation. After that, please call the clinic.\n\nFor paid visits, cancelling less than 24 hours before costs $25 and a missed visit $40, kept from what you paid online or charged to the card you saved. The free screening costs nothing to cancel.",
  cancellationPolicyEs:
    "Puede cambiar o cancelar una cita en línea hasta la hora indicada al reservar y en su confirmación. Después, llame a la clínica.\n\nEn las citas de pago, cancelar con menos de 24 horas de antelación cuesta $25 y faltar a una cita, $40, que se descuentan de lo que pagó en línea o se cargan a la tarjeta que guardó. Cancelar la evaluación gratuita no cuesta nada.",
  privacyPolicyEn:
    "We keep your name, contact details, date of birth and the notes of your visits to arrange and provide your care, for as long as the law requires us to keep health records.\n\nWe never share them for marketing. To see, correct or ask about your details, call or write to the clinic.",
  privacyPolicyEs:
    "Guardamos su nombre, sus datos de contacto, su fecha de nacimiento y las notas de sus citas para organizar y prestar su atención, durante el tiempo que la ley exige conservar los expedientes médicos.\n\nNunca los compartimos con fines publicitarios. Para ver, corregir o consultar sus datos, llame o escriba a la clínica.",
  // A day's notice; the fees are in each visit's service currency (dollars here).
  lateCancelWindowHours: "24",
  lateCancelFee: "25.00",
  noShowFee: "40.00",
};

/** True when the database already holds a practice (seeding is a first-run step). */
export async function hasPractice(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.location.count()) > 0;
}

