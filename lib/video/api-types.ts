// The shapes the video room's endpoints answer with; the room's client reads them.

export type VideoRoleDto = "PATIENT" | "THERAPIST";
export type VideoPresenceDto = "WAITING" | "ADMITTED" | "LEFT";

export interface IceServerDto {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** What a tab gets when it enters a room: who it is, and how to prove it afterwards. */
export interface RoomEntryDto {
  participantId: string;
  /** Sent back as the X-Stride-Room-Key header; only its hash is stored. */
  key: string;
  role: VideoRoleDto;
  iceServers: IceServerDto[];
  closesAt: string;
}

export interface RoomPeerDto {
  id: string;
  role: VideoRoleDto;
  name: string;
  state: VideoPresenceDto;
  /** Polled within the last few seconds. */
  online: boolean;
}

export interface RoomSignalDto {
  id: number;
  from: string;
  kind: "description" | "candidate" | "hello";
  payload: unknown;
}

export interface RoomStateDto {
  phase: "open" | "closed";
  closesAt: string;
  self: { id: string; role: VideoRoleDto; state: VideoPresenceDto };
  /**
   * For the therapist: the patient's live tab, waiting or admitted. For the
   * patient: the therapist's live tab, once the patient has been let in.
   */
  peer: RoomPeerDto | null;
  signals: RoomSignalDto[];
  /** The highest signal id in this answer (or the one asked after). */
  cursor: number;
  /** Changes whenever self or peer changes; pass it back as `known`. */
  version: string;
}

export interface WaitingPatientDto {
  appointmentId: string;
  participantId: string;
  patientName: string;
  serviceName: string;
  start: string;
  waitingSince: string;
}
