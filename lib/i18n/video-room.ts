import type { Language } from "./languages";

// What the video room says, to a patient in their language and to staff in
// English. Plain words: the patient may be on a phone, nervous, on their own.

export interface VideoRoomText {
  checkHeading: string;
  checkIntro: string;
  camera: string;
  microphone: string;
  microphoneLevel: string;
  noCamera: string;
  mediaDenied: string;
  mediaMissing: string;
  retryMedia: string;
  joinButton: string;
  joining: string;
  waitingHeading: string;
  waitingBody: (therapist: string) => string;
  aloneHeading: string;
  aloneBody: (other: string) => string;
  patientWaiting: (patient: string) => string;
  admit: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  signallingLost: string;
  statusLabel: string;
  remoteVideo: (name: string) => string;
  yourVideo: string;
  mute: string;
  cameraToggle: string;
  shareScreen: string;
  stopSharing: string;
  leave: string;
  peerMuted: (name: string) => string;
  peerCameraOff: (name: string) => string;
  peerSharing: (name: string) => string;
  chatHeading: string;
  chatLabel: string;
  chatSend: string;
  chatEmpty: string;
  chatUnavailable: string;
  chatYou: string;
  leftHeading: string;
  leftBody: string;
  rejoin: string;
  replacedHeading: string;
  replacedBody: string;
  closedHeading: string;
  closedBody: string;
  refusedHeading: string;
  tryAgain: string;
  signedOut: string;
  nothingRecorded: string;
}

const en: VideoRoomText = {
  checkHeading: "Check your camera and microphone",
  checkIntro: "You should see yourself below. Speak and the microphone bar moves. Pick another camera or microphone if these are not the right ones.",
  camera: "Camera",
  microphone: "Microphone",
  microphoneLevel: "Microphone level",
  noCamera: "No camera picture",
  mediaDenied: "Your browser is not letting this page use the camera or microphone. Allow them in the browser's address bar (the camera icon), then try again. You can also join without them.",
  mediaMissing: "No camera or microphone was found. You can still join and use the chat, or connect one and try again.",
  retryMedia: "Try the camera and microphone again",
  joinButton: "Join the video visit",
  joining: "Joining…",
  waitingHeading: "You are in the waiting room",
  waitingBody: (therapist) => `${therapist} knows you are here and will let you in. Please keep this page open.`,
  aloneHeading: "Nobody else is in the call yet",
  aloneBody: (other) => `Waiting for ${other}. Keep this page open.`,
  patientWaiting: (patient) => `${patient} is in the waiting room.`,
  admit: "Let them in",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Connection lost, reconnecting…",
  signallingLost: "Cannot reach the clinic's server. Still trying…",
  statusLabel: "Call status",
  remoteVideo: (name) => `Video of ${name}`,
  yourVideo: "Your camera",
  mute: "Mute microphone",
  cameraToggle: "Turn camera off",
  shareScreen: "Share screen",
  stopSharing: "Stop sharing",
  leave: "Leave",
  peerMuted: (name) => `${name} has muted their microphone.`,
  peerCameraOff: (name) => `${name} has turned their camera off.`,
  peerSharing: (name) => `${name} is sharing their screen.`,
  chatHeading: "Chat",
  chatLabel: "Message",
  chatSend: "Send",
  chatEmpty: "Messages stay in this call and are not saved.",
  chatUnavailable: "Chat opens once you are connected.",
  chatYou: "You",
  leftHeading: "You left the video visit",
  leftBody: "You can come back while the room is open.",
  rejoin: "Join again",
  replacedHeading: "This video visit is open somewhere else",
  replacedBody: "It was opened in another window or on another device, or this page lost its place. Join again to wait to be let back in.",
  closedHeading: "The video room has closed",
  closedBody: "The room closes an hour after the visit ends. Please call the clinic if you need another visit.",
  refusedHeading: "You cannot join right now",
  tryAgain: "Try again",
  signedOut: "Your staff session has ended. Sign in again to return to the visit.",
  nothingRecorded: "Nothing in this call is recorded.",
};

const es: VideoRoomText = {
  checkHeading: "Revise su cámara y micrófono",
  checkIntro: "Debería verse abajo. Hable y la barra del micrófono se moverá. Elija otra cámara u otro micrófono si estos no son los correctos.",
  camera: "Cámara",
  microphone: "Micrófono",
  microphoneLevel: "Nivel del micrófono",
  noCamera: "Sin imagen de cámara",
  mediaDenied: "Su navegador no permite que esta página use la cámara o el micrófono. Permítalos en la barra de direcciones (el icono de la cámara) e inténtelo de nuevo. También puede entrar sin ellos.",
  mediaMissing: "No se encontró cámara ni micrófono. Puede entrar y usar el chat, o conectar uno e intentarlo de nuevo.",
  retryMedia: "Probar de nuevo la cámara y el micrófono",
  joinButton: "Entrar a la videoconsulta",
  joining: "Entrando…",
  waitingHeading: "Está en la sala de espera",
  waitingBody: (therapist) => `${therapist} sabe que usted está aquí y le dará paso. Mantenga esta página abierta.`,
  aloneHeading: "Todavía no hay nadie más en la llamada",
  aloneBody: (other) => `Esperando a ${other}. Mantenga esta página abierta.`,
  patientWaiting: (patient) => `${patient} está en la sala de espera.`,
  admit: "Dar paso",
  connecting: "Conectando…",
  connected: "Conectado",
  reconnecting: "Se perdió la conexión, reconectando…",
  signallingLost: "No se puede contactar con el servidor de la clínica. Seguimos intentándolo…",
  statusLabel: "Estado de la llamada",
  remoteVideo: (name) => `Video de ${name}`,
  yourVideo: "Su cámara",
  mute: "Silenciar micrófono",
  cameraToggle: "Apagar cámara",
  shareScreen: "Compartir pantalla",
  stopSharing: "Dejar de compartir",
  leave: "Salir",
  peerMuted: (name) => `${name} silenció su micrófono.`,
  peerCameraOff: (name) => `${name} apagó su cámara.`,
  peerSharing: (name) => `${name} está compartiendo su pantalla.`,
  chatHeading: "Chat",
  chatLabel: "Mensaje",
  chatSend: "Enviar",
  chatEmpty: "Los mensajes quedan en esta llamada y no se guardan.",
  chatUnavailable: "El chat se abre cuando esté conectado.",
  chatYou: "Usted",
  leftHeading: "Salió de la videoconsulta",
  leftBody: "Puede volver mientras la sala esté abierta.",
  rejoin: "Entrar de nuevo",
  replacedHeading: "Esta videoconsulta está abierta en otro lugar",
  replacedBody: "Se abrió en otra ventana o en otro dispositivo, o esta página perdió su lugar. Entre de nuevo para esperar a que le den paso.",
  closedHeading: "La sala de video se cerró",
  closedBody: "La sala se cierra una hora después de terminar la consulta. Llame a la clínica si necesita otra cita.",
  refusedHeading: "No puede entrar ahora",
  tryAgain: "Intentar de nuevo",
  signedOut: "Su sesión del personal terminó. Inicie sesión de nuevo para volver a la consulta.",
  nothingRecorded: "Nada de esta llamada se graba.",
};

export const videoRoomText: Record<Language, VideoRoomText> = { en, es };
