import type { PatientClock } from "@/lib/booking/zone-pair";
import type { Language } from "@/lib/i18n/languages";

// What the booking and manage pages say about video visits, in both
// languages. English is the reference: its shape is the type, so a key
// missing from Spanish fails the type-check.

function patientPart(clock: PatientClock): string {
  return clock.day ? `${clock.day}, ${clock.time}` : clock.time;
}

const en = {
  kind: {
    label: "Video visit",
    hint: "From home, on a phone or computer with a camera. No app to install: the link comes with your confirmation.",
  },
  place: {
    title: "Who you would like to see",
    intro: "A video visit happens wherever you are, so there is no clinic to choose. These therapists see patients by video.",
    noTherapists: "No therapist offers this visit by video online right now. Please go back and choose another kind of visit, or call us.",
  },
  slots: {
    /** Under the clinic's zone note, once the browser's zone is known. */
    yourZone: (zoneName: string) => `Your own time zone is ${zoneName}: the smaller time under each time is yours.`,
    sameZone: "That is your time zone too.",
    /** A slot's time for screen readers, e.g. "9:00 AM (11:00 AM your time)". */
    slotTime: (clinicTime: string, patientTime: string) => `${clinicTime} (${patientTime} your time)`,
  },
  /** "9:00 AM Mountain Time · 11:00 AM your time (America/New_York)" */
  bothTimes: (clinicTime: string, clinicZoneName: string, patient: PatientClock | null, patientZone: string | null) =>
    patient && patientZone
      ? `${clinicTime} ${clinicZoneName} · ${patientPart(patient)} your time (${patientZone})`
      : patientZone
        ? `${clinicTime} ${clinicZoneName} (your time too)`
        : `${clinicTime} ${clinicZoneName}`,
  /** Under a date and time already given in the clinic's zone. */
  patientTimeNote: (patient: PatientClock | null, patientZone: string) =>
    patient ? `That is ${patientPart(patient)} your time (${patientZone}).` : "That is your time zone too.",
  where: "Video visit",
  whereHint: "From wherever you are, on a phone or computer with a camera.",
  summaryWhere: "Video visit, from wherever you are. The link comes with your confirmation.",
  bookedIntro: (therapist: string) =>
    `Thank you. Your video visit with ${therapist} is booked. Keep the private link below: you can use it to change or cancel.`,
  join: {
    heading: "Join link",
    link: "Your video room",
    note: "The room opens 15 minutes before your visit starts. The same link is on this appointment page and in the calendar file.",
    device: "Use a phone or computer with a camera and microphone. There is nothing to install.",
  },
};

export type VideoVisitText = typeof en;

const es: VideoVisitText = {
  kind: {
    label: "Videoconsulta",
    hint: "Desde su casa, con un teléfono o una computadora con cámara. No necesita instalar nada: el enlace le llega con la confirmación.",
  },
  place: {
    title: "Con quién desea su cita",
    intro: "Una videoconsulta se hace desde donde usted esté, así que no hay que elegir clínica. Estos terapeutas atienden por video.",
    noTherapists:
      "En este momento ningún terapeuta ofrece esta cita por video en línea. Vuelva atrás y elija otro tipo de cita, o llámenos.",
  },
  slots: {
    yourZone: (zoneName) => `Su zona horaria es ${zoneName}: la hora más pequeña debajo de cada hora es la suya.`,
    sameZone: "Es también su zona horaria.",
    slotTime: (clinicTime, patientTime) => `${clinicTime} (${patientTime} en su hora)`,
  },
  bothTimes: (clinicTime, clinicZoneName, patient, patientZone) =>
    patient && patientZone
      ? `${clinicTime} ${clinicZoneName} · ${patientPart(patient)} en su zona horaria (${patientZone})`
      : patientZone
        ? `${clinicTime} ${clinicZoneName} (también es su hora)`
        : `${clinicTime} ${clinicZoneName}`,
  patientTimeNote: (patient, patientZone) =>
    patient ? `Es decir, ${patientPart(patient)} en su zona horaria (${patientZone}).` : "Es también su zona horaria.",
  where: "Videoconsulta",
  whereHint: "Desde donde usted esté, con un teléfono o una computadora con cámara.",
  summaryWhere: "Videoconsulta, desde donde usted esté. El enlace le llega con la confirmación.",
  bookedIntro: (therapist) =>
    `Gracias. Su videoconsulta con ${therapist} está reservada. Guarde el enlace privado que aparece abajo: con él puede cambiar o cancelar su cita.`,
  join: {
    heading: "Enlace para entrar",
    link: "Su sala de video",
    note: "La sala se abre 15 minutos antes de la hora de su cita. Encontrará el mismo enlace en esta página de su cita y en el archivo de calendario.",
    device: "Use un teléfono o una computadora con cámara y micrófono. No necesita instalar nada.",
  },
};

const texts: Record<Language, VideoVisitText> = { en, es };

export function getVideoVisitText(language: Language): VideoVisitText {
  return texts[language];
}
