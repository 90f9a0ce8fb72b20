import { endSentence } from "../sentence";
import type { Dictionary } from "./en";

export const es: Dictionary = {
  /** Links to the policy pages from the booking form. */
  policies: {
    readCancellation: "Leer la política de cancelación (se abre en una pestaña nueva)",
    readPrivacy: "Leer el aviso de privacidad (se abre en una pestaña nueva)",
  },
  book: {
    title: "Reservar una cita",
    intro: "No necesita crear una cuenta. Solo le pedimos lo necesario para organizar su cita.",
    stepOf: (step, total) => `Paso ${step} de ${total}`,
    back: "Atrás",
    continue: "Continuar",
    loading: "Cargando el formulario de reserva…",
    loadError: "No pudimos cargar el formulario de reserva.",
    retry: "Intentar de nuevo",
    reason: {
      title: "¿Cuál es el motivo de su consulta?",
      legend: "Elija la opción que mejor se ajuste.",
      other: "Otro motivo",
      otherLabel: "Cuéntenos brevemente el motivo de su consulta",
      chooseError: "Elija un motivo o seleccione «Otro motivo».",
      otherError: "Cuéntenos brevemente el motivo de su consulta.",
    },
    kind: {
      title: "Tipo de cita",
      serviceLegend: "Servicio",
      minutes: (minutes) => `${minutes} minutos`,
      free: "Gratis",
      newPatientsOnly: "Para pacientes nuevos",
      serviceError: "Elija un servicio.",
      modeLegend: "¿Dónde prefiere que le atendamos?",
      modes: {
        CLINIC: { label: "En la clínica", hint: "Usted viene a una de nuestras clínicas." },
        HOME: { label: "En su casa", hint: "Un terapeuta va a su domicilio." },
      },
      modeError: "Elija dónde prefiere que le atendamos.",
      postalCodeLabel: "Código postal de su domicilio",
      postalCodeHint: "Comprobamos que hacemos visitas a domicilio en su zona.",
      postalCodeError: "Escriba su código postal.",
      notServed: (postalCode) =>
        `Lo sentimos, todavía no hacemos visitas a domicilio en el código postal ${postalCode}. Con gusto le atendemos en la clínica.`,
      useClinic: "Prefiero que me atiendan en la clínica",
    },
    place: {
      title: "Dónde y con quién",
      clinicLegend: "Clínica",
      homeLegend: "Las visitas a su domicilio salen de",
      locationError: "Elija una clínica.",
      noLocations:
        "En este momento ninguna clínica ofrece este tipo de cita en línea. Vuelva atrás y elija otro, o llámenos.",
      therapistLegend: "Terapeuta",
      firstAvailable: "El primero disponible",
      firstAvailableHint: "Quien esté libre a la hora que usted elija, de preferencia alguien que hable su idioma.",
      speaks: (languages) => `Habla ${languages}`,
      photoOf: (name) => `Foto de ${name}`,
    },
    time: {
      title: "Elija una hora",
      error: "Elija una hora para continuar.",
      chosen: (when) => endSentence(`Eligió: ${when}`),
    },
    details: {
      title: "Sus datos",
      appointmentHeading: "Su cita",
      nameLegend: "Su nombre",
      firstName: "Nombre",
      lastName: "Apellidos",
      email: "Correo electrónico",
      emailHint: "Solo lo usamos para comunicarnos con usted sobre sus citas.",
      phone: "Teléfono",
      phoneHint: "Por si necesitamos comunicarnos con usted sobre esta cita.",
      dateOfBirth: "Fecha de nacimiento",
      addressLegend: "Dirección para la visita a domicilio",
      line1: "Calle y número",
      line2: "Apartamento, oficina, piso (opcional)",
      city: "Ciudad",
      postalCode: "Código postal",
      postalCodeHint: "Del paso «Tipo de cita». Para cambiarlo, vuelva a ese paso.",
      language: "Idioma de los mensajes sobre esta cita",
      consent:
        "Acepto que la clínica se comunique conmigo sobre esta cita y acepto el aviso de privacidad de la clínica.",
      consentHint: "Usamos sus datos solo para organizar y prestar su atención, y nunca los compartimos con fines publicitarios.",
      consentError: "Marque la casilla para aceptar antes de reservar.",
      errorSummaryTitle: "Revise lo siguiente",
      submit: "Reservar cita",
      submitting: "Reservando su cita…",
      fieldErrors: {
        firstName: "Escriba su nombre.",
        lastName: "Escriba sus apellidos.",
        email: "Escriba un correo electrónico válido.",
        phone: "Escriba un número de teléfono al que podamos llamar o enviar mensajes, p. ej., (201) 555-0123 o +1 201 555 0123.",
        dateOfBirth: "Escriba su fecha de nacimiento.",
        "address.line1": "Escriba la calle y el número.",
        "address.line2": "Use 200 caracteres como máximo.",
        "address.city": "Escriba la ciudad.",
        "address.postalCode": "Escriba un código postal válido.",
        consent: "Marque la casilla para aceptar antes de reservar.",
      },
    },
    conflict: {
      SLOT_TAKEN:
        "Lo sentimos, otra persona acaba de reservar esa hora. Sus datos siguen aquí: elija otra hora a continuación.",
      PATIENT_BUSY: "Usted ya tiene una cita a esa hora. Sus datos siguen aquí: elija otra hora a continuación.",
      SLOT_UNAVAILABLE:
        "Lo sentimos, esa hora ya no está disponible para reservar. Sus datos siguen aquí: elija otra hora a continuación.",
      alternativesLegend: "Horas libres cercanas a la que eligió",
      bookAlternative: "Reservar la hora seleccionada",
      chooseAlternative: "Primero elija una de las horas.",
      noAlternatives: "En este momento no hay horas libres cercanas.",
      pickAnotherTime: "Elegir otra hora",
    },
    failure: {
      rateLimited: "Demasiados intentos de reserva desde esta conexión. Espere unos minutos y vuelva a intentarlo.",
      network:
        "No pudimos comunicarnos con el sistema de reservas. Revise su conexión y vuelva a intentarlo; todo lo que escribió se conserva.",
      outsideArea: "No hacemos visitas a domicilio en ese código postal. Elija una cita en la clínica.",
      formUsed:
        "Este formulario ya se usó para reservar una cita. No se cambió nada. Para reservar otra cita, recargue la página y empiece de nuevo.",
      generic: "Algo salió mal y la cita no se reservó. Vuelva a intentarlo o llame a la clínica.",
    },
  },
  slots: {
    // Spanish zone names begin with "hora" ("hora de las Montañas Rocosas"): a colon keeps "…en hora de…" out.
    timeZoneNote: (zone) => `Las horas se muestran en esta zona horaria: ${zone}.`,
    previousWeek: "Semana anterior",
    nextWeek: "Semana siguiente",
    week: (from, to) => `${from} – ${to}`,
    weekLabel: "Semana que se muestra",
    legend: "Horas disponibles",
    loading: "Buscando horas disponibles…",
    found: (count, from, to) =>
      endSentence(count === 1 ? `1 hora disponible del ${from} al ${to}` : `${count} horas disponibles del ${from} al ${to}`),
    empty: "No hay horas disponibles esta semana.",
    showNextWeek: "Ver la semana siguiente",
    error: "No pudimos cargar las horas disponibles.",
    retry: "Intentar de nuevo",
    slotName: (day, time, therapist) => (therapist ? `${time}, ${day}, con ${therapist}` : `${time}, ${day}`),
    dayLegend: "Elija un día",
    noTimes: "Ninguna",
    dayName: (day, hasTimes) => (hasTimes ? day : `${day}, sin horas disponibles`),
    timesLegend: (day) => `Horas disponibles el ${day}`,
    when: (day, time, therapist) => (therapist ? `${day} a las ${time} con ${therapist}` : `${day} a las ${time}`),
  },
  speakers: {
    listed: (names, count, language) => `${names} ${count === 1 ? "habla" : "hablan"} ${language}.`,
    allListed: (language) => `Todos los terapeutas de la lista hablan ${language}.`,
    noneListed: (language) => `Ningún terapeuta de la lista habla ${language}.`,
    day: (names, count, language, times, total) =>
      times === total
        ? `${names} ${count === 1 ? "habla" : "hablan"} ${language}.`
        : `${names} ${count === 1 ? "habla" : "hablan"} ${language} (${times} de estas ${total} horas).`,
    noneDay: (language) => `Ningún terapeuta con horas este día habla ${language}.`,
  },
  terms: {
    heading: "Precio y cambios",
    price: "Precio",
    free: "Gratis",
    payment: "Pago",
    nothingToPay: "No hay nada que pagar.",
    pay: {
      CLINIC: "Pague en la clínica cuando llegue. No hay pago en línea.",
      HOME: "Pague al terapeuta en la visita. No hay pago en línea.",
      VIDEO: "Pague a la clínica después de la visita; le dirán cómo. No hay pago en línea.",
    },
    changes: "Cambios",
    cutoff: (before) => `Puede cambiar o cancelar en línea hasta ${before} antes de su visita.`,
    cutoffAtStart: "Puede cambiar o cancelar en línea hasta que empiece su visita.",
    duration: (minutes) => {
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      const h = hours === 1 ? "1 hora" : `${hours} horas`;
      const m = rest === 1 ? "1 minuto" : `${rest} minutos`;
      if (hours === 0) return m;
      return rest === 0 ? h : `${h} y ${m}`;
    },
    finalMark: "Definitiva",
    finalName: "no se puede cambiar ni cancelar en línea una vez reservada",
    finalNote: "Las horas marcadas «Definitiva» no se pueden cambiar ni cancelar en línea una vez reservadas.",
    chosenFinal: (phone) =>
      phone
        ? `Esta hora no se puede cambiar ni cancelar en línea después de reservarla. Para cambiarla más adelante, llame a la clínica al ${phone}.`
        : "Esta hora no se puede cambiar ni cancelar en línea después de reservarla. Para cambiarla más adelante, llame a la clínica.",
    chosenDeadline: (when) => endSentence(`Para esta hora, puede cambiar o cancelar en línea hasta el ${when}`),
  },
};
