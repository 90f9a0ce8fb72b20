"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import type { RoomEntryDto } from "@/lib/video/api-types";
import { admitPatient } from "./admit-patient";
import { RoomConnection, RoomRefusedError, type RoomJoiner } from "./room-connection";
import { MicrophoneMeter } from "./microphone-meter";
import { RoomChat } from "./room-chat";
import { useLocalMedia } from "./use-local-media";

export type RoomSide = { kind: "patient"; token: string } | { kind: "therapist"; appointmentId: string };

async function enter(url: string, body: unknown): Promise<RoomEntryDto> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status === 201) return (await response.json()) as RoomEntryDto;
  const error = await response
    .json()
    .then((b: { error?: { message?: string; code?: string } }) => b.error ?? null)
    .catch(() => null);
  throw new RoomRefusedError(error?.message ?? "The room could not be reached. Please try again.", response.status, error?.code ?? null);
}

const placeKey = (token: string) => `stride-video-room:${token}`;

function hasStoredPlace(token: string): boolean {
  try {
    return sessionStorage.getItem(placeKey(token)) !== null;
  } catch {
    return false;
  }
}

function joinerFor(side: RoomSide): RoomJoiner {
  if (side.kind === "therapist") {
    return { join: () => enter(`/api/staff/visits/${side.appointmentId}/join`, {}), forget: () => {} };
  }
  // The tab's place survives a reload (same tab, same sessionStorage) but not a new browser.
  const storageKey = placeKey(side.token);
  return {
    async join() {
      let resume: { participantId: string; key: string } | undefined;
      try {
        resume = JSON.parse(sessionStorage.getItem(storageKey) ?? "null") ?? undefined;
      } catch {
        resume = undefined;
      }
      const entry = await enter(`/api/visit/${side.token}/join`, resume ? { resume } : {});
      sessionStorage.setItem(storageKey, JSON.stringify({ participantId: entry.participantId, key: entry.key }));
      return entry;
    },
    forget: () => sessionStorage.removeItem(storageKey),
  };
}

const BUTTON = "rounded-md px-4 py-2 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:opacity-60";
const PRIMARY = `${BUTTON} bg-teal-800 text-white hover:bg-teal-900`;
const SECONDARY = `${BUTTON} border border-stone-400 bg-white text-stone-900 hover:bg-stone-100`;

export function VideoRoom({ side, otherName }: { side: RoomSide; otherName: string }) {
  const t = useTranslations("videoRoom");
  const media = useLocalMedia();
  const [connection] = useState(() => new RoomConnection(joinerFor(side)));
  const room = useSyncExternalStore(connection.subscribe, connection.getSnapshot, connection.getSnapshot);
  const [entered, setEntered] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [admitProblem, setAdmitProblem] = useState<string | null>(null);
  const screenTrack = useRef<MediaStreamTrack | null>(null);
  const { open: openMedia } = media;

  useEffect(() => {
    void (async () => {
      const stream = await openMedia();
      // A patient's tab that already had a place (a reload, a dropped
      // connection) goes straight back in rather than through the check again.
      if (side.kind === "patient" && hasStoredPlace(side.token)) {
        connection.setLocalStream(stream);
        setEntered(true);
        await connection.start();
      }
    })();
  }, [openMedia, connection, side]);
  useEffect(() => () => connection.stop(), [connection]);
  useEffect(() => connection.setLocalStream(media.stream), [connection, media.stream]);

  // Tell the other side what to show: muted, camera off, sharing.
  useEffect(() => {
    connection.setLocalMedia({ audio: media.audioOn, video: media.videoOn, screen: sharing });
  }, [connection, media.audioOn, media.videoOn, sharing, room.status]);

  async function join() {
    setEntered(true);
    await connection.start();
  }

  async function switchDevice(choice: { cameraId?: string; microphoneId?: string }) {
    const stream = await media.open({ cameraId: choice.cameraId ?? media.cameraId, microphoneId: choice.microphoneId ?? media.microphoneId });
    if (!stream) return;
    connection.setLocalStream(stream);
    await connection.replaceTrack("audio", stream.getAudioTracks()[0] ?? null);
    if (!screenTrack.current) await connection.replaceTrack("video", stream.getVideoTracks()[0] ?? null);
  }

  async function stopSharing() {
    screenTrack.current?.stop();
    screenTrack.current = null;
    setSharing(false);
    await connection.replaceTrack("video", media.stream?.getVideoTracks()[0] ?? null);
  }

  async function shareScreen() {
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      const track = display.getVideoTracks()[0];
      if (!track) return;
      screenTrack.current = track;
      track.addEventListener("ended", () => void stopSharing());
      await connection.replaceTrack("video", track);
      setSharing(true);
    } catch {
      // The therapist closed the picker: nothing to share.
    }
  }

  async function leave() {
    if (screenTrack.current) await stopSharing();
    await connection.leave();
  }

  async function admit() {
    if (side.kind !== "therapist" || !room.peer) return;
    setAdmitProblem(await admitPatient(side.appointmentId, room.peer.id));
  }

  async function rejoin() {
    const stream = await media.open({ cameraId: media.cameraId, microphoneId: media.microphoneId });
    connection.setLocalStream(stream);
    await connection.start();
  }

  if (!entered) {
    return (
      <section aria-labelledby="device-check" className="space-y-5">
        <h2 id="device-check" className="text-xl font-semibold">
          {t("checkHeading")}
        </h2>
        <p>{t("checkIntro")}</p>
        <LocalPreview stream={media.stream} videoOn={media.videoOn} label={t("yourVideo")} noCamera={t("noCamera")} large />
        {media.problem ? (
          <div role="alert" className="space-y-3 rounded-md border border-amber-500 bg-amber-50 p-4">
            <p>{media.problem === "denied" ? t("mediaDenied") : t("mediaMissing")}</p>
            <button type="button" className={SECONDARY} onClick={() => void media.open()}>
              {t("retryMedia")}
            </button>
          </div>
        ) : null}
        <DevicePickers media={media} onChange={switchDevice} />
        <MicrophoneMeter stream={media.stream} label={t("microphoneLevel")} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" className={PRIMARY} onClick={() => void join()}>
            {t("joinButton")}
          </button>
          <p className="text-sm text-stone-700">{t("nothingRecorded")}</p>
        </div>
      </section>
    );
  }

  const inCall = room.status === "connecting" || room.status === "connected" || room.status === "reconnecting";
  const statusText =
    room.status === "joining"
      ? t("joining")
      : room.status === "waiting"
        ? t("waitingHeading")
        : room.status === "alone"
          ? t("aloneHeading")
          : room.status === "connecting"
            ? t("connecting")
            : room.status === "connected"
              ? t("connected")
              : room.status === "reconnecting"
                ? t("reconnecting")
                : null;
  const peerName = room.peer?.name ?? otherName;

  // A patient reads why they cannot join in their own language; staff read the server's English, which names their own case.
  const patientRefusal = (code: string | null) =>
    code === "ROOM_IN_USE" || code === "ROOM_NOT_OPEN" || code === "NOT_FOUND" ? t(`refused.${code}`) : t("refused.other");

  if (room.status === "left" || room.status === "replaced" || room.status === "closed" || room.status === "refused" || room.status === "signed-out") {
    const heading = { left: t("leftHeading"), replaced: t("replacedHeading"), closed: t("closedHeading"), refused: t("refusedHeading"), "signed-out": t("refusedHeading") }[room.status];
    const body = { left: t("leftBody"), replaced: t("replacedBody"), closed: t("closedBody"), refused: side.kind === "patient" ? patientRefusal(room.refusalCode) : (room.refusal ?? ""), "signed-out": t("signedOut") }[room.status];
    return (
      <section aria-labelledby="room-ended" className="space-y-4">
        <h2 id="room-ended" className="text-xl font-semibold" tabIndex={-1}>
          {heading}
        </h2>
        <p role="status">{body}</p>
        {room.status === "left" || room.status === "replaced" || room.status === "refused" ? (
          <button type="button" className={PRIMARY} onClick={() => void rejoin()}>
            {room.status === "refused" ? t("tryAgain") : t("rejoin")}
          </button>
        ) : null}
        {room.status === "signed-out" ? (
          <Link className={PRIMARY} href="/staff/sign-in">
            Sign in
          </Link>
        ) : null}
      </section>
    );
  }

  return (
    <section aria-label={t("statusLabel")} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" aria-live="polite" data-room-status={room.status} className="rounded-full bg-stone-100 px-3 py-1 font-semibold">
          <span className={`mr-2 inline-block size-2.5 rounded-full ${room.status === "connected" ? "bg-green-600" : room.status === "reconnecting" ? "bg-red-600" : "bg-amber-500"}`} aria-hidden="true" />
          {statusText}
        </p>
        {room.signallingLost ? (
          <p role="alert" className="text-sm font-semibold text-red-800">
            {t("signallingLost")}
          </p>
        ) : null}
      </div>

      {room.status === "waiting" ? <p className="text-lg">{t("waitingBody", { therapist: otherName })}</p> : null}
      {room.status === "alone" && room.peer?.state === "WAITING" && side.kind === "therapist" ? (
        <div className="flex flex-wrap items-center gap-4 rounded-md border border-teal-700 bg-teal-50 p-4">
          <p className="font-semibold">{t("patientWaiting", { patient: room.peer.name })}</p>
          <button type="button" className={PRIMARY} onClick={() => void admit()}>
            {t("admit")}
          </button>
          {admitProblem ? (
            <p role="alert" className="w-full font-semibold text-red-800">
              {admitProblem}
            </p>
          ) : null}
        </div>
      ) : room.status === "alone" ? (
        <p>{t("aloneBody", { other: otherName })}</p>
      ) : null}

      <div className="relative overflow-hidden rounded-lg bg-stone-900">
        {inCall ? (
          <RemoteVideo stream={room.remoteStream} label={t("remoteVideo", { name: peerName })} />
        ) : (
          <div className="aspect-video" />
        )}
        <div className="absolute right-3 bottom-3 w-1/4 min-w-28">
          <LocalPreview stream={media.stream} videoOn={media.videoOn || sharing} label={t("yourVideo")} noCamera={t("noCamera")} />
        </div>
      </div>
      {inCall ? (
        <ul className="space-y-1 text-sm" aria-live="polite">
          {!room.peerMedia.audio ? <li>{t("peerMuted", { name: peerName })}</li> : null}
          {!room.peerMedia.video && !room.peerMedia.screen ? <li>{t("peerCameraOff", { name: peerName })}</li> : null}
          {room.peerMedia.screen ? <li>{t("peerSharing", { name: peerName })}</li> : null}
        </ul>
      ) : null}

      <div className="flex flex-wrap gap-3" role="group" aria-label={t("statusLabel")}>
        <button type="button" className={SECONDARY} aria-pressed={!media.audioOn} onClick={() => media.setAudioOn(!media.audioOn)}>
          {t("mute")}
        </button>
        <button type="button" className={SECONDARY} aria-pressed={!media.videoOn} onClick={() => media.setVideoOn(!media.videoOn)}>
          {t("cameraToggle")}
        </button>
        {side.kind === "therapist" && inCall ? (
          <button type="button" className={SECONDARY} aria-pressed={sharing} onClick={() => void (sharing ? stopSharing() : shareScreen())}>
            {sharing ? t("stopSharing") : t("shareScreen")}
          </button>
        ) : null}
        <button type="button" className={`${BUTTON} bg-red-700 text-white hover:bg-red-800`} onClick={() => void leave()}>
          {t("leave")}
        </button>
      </div>
      <DevicePickers media={media} onChange={switchDevice} />
      <RoomChat peerName={peerName} messages={room.chat} available={room.status === "connected"} onSend={(text) => connection.sendChat(text)} />
      <p className="text-sm text-stone-700">{t("nothingRecorded")}</p>
    </section>
  );
}

function DevicePickers({
  media,
  onChange,
}: {
  media: ReturnType<typeof useLocalMedia>;
  onChange: (choice: { cameraId?: string; microphoneId?: string }) => Promise<void>;
}) {
  const t = useTranslations("videoRoom");
  const id = useId();
  if (media.cameras.length === 0 && media.microphones.length === 0) return null;
  const select = "mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {media.cameras.length > 0 ? (
        <div>
          <label htmlFor={`${id}-camera`} className="font-semibold">
            {t("camera")}
          </label>
          <select id={`${id}-camera`} className={select} value={media.cameraId} onChange={(e) => void onChange({ cameraId: e.target.value })}>
            {media.cameras.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || t("cameraNumbered", { number: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {media.microphones.length > 0 ? (
        <div>
          <label htmlFor={`${id}-microphone`} className="font-semibold">
            {t("microphone")}
          </label>
          <select id={`${id}-microphone`} className={select} value={media.microphoneId} onChange={(e) => void onChange({ microphoneId: e.target.value })}>
            {media.microphones.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || t("microphoneNumbered", { number: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}

function LocalPreview({ stream, videoOn, label, noCamera, large = false }: { stream: MediaStream | null; videoOn: boolean; label: string; noCamera: string; large?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  const hasVideo = Boolean(stream?.getVideoTracks().length) && videoOn;
  return (
    <div className={`relative overflow-hidden rounded-md bg-stone-800 ${large ? "max-w-md" : ""}`}>
      <video ref={ref} autoPlay playsInline muted aria-label={label} data-testid="local-video" className={`aspect-video w-full -scale-x-100 object-cover ${hasVideo ? "" : "invisible"}`} />
      {hasVideo ? null : <p className="absolute inset-0 flex items-center justify-center p-2 text-center text-sm text-white">{noCamera}</p>}
    </div>
  );
}

function RemoteVideo({ stream, label }: { stream: MediaStream | null; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video || video.srcObject === stream) return;
    video.srcObject = stream;
    if (stream && "requestVideoFrameCallback" in video) {
      // For anyone timing the call (the benchmark, the browser's performance panel).
      video.requestVideoFrameCallback(() => performance.mark("stride:first-remote-frame"));
    }
    void video.play().catch(() => {});
  }, [stream]);
  return <video ref={ref} autoPlay playsInline aria-label={label} data-testid="remote-video" className="aspect-video w-full bg-stone-900 object-contain" />;
}
