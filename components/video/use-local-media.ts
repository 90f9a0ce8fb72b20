"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type MediaProblem = "denied" | "missing" | null;

export interface LocalMedia {
  stream: MediaStream | null;
  problem: MediaProblem;
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  cameraId: string;
  microphoneId: string;
  audioOn: boolean;
  videoOn: boolean;
  open: (choice?: { cameraId?: string; microphoneId?: string }) => Promise<MediaStream | null>;
  setAudioOn: (on: boolean) => void;
  setVideoOn: (on: boolean) => void;
  stop: () => void;
}

function constraint(deviceId: string | undefined): MediaTrackConstraints | boolean {
  return deviceId ? { deviceId: { exact: deviceId } } : true;
}

/**
 * The tab's camera and microphone: asks once, lists the devices (their names
 * are only readable after permission), switches between them, and mutes by
 * disabling tracks so the call need not be renegotiated.
 */
export function useLocalMedia(): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState("");
  const [microphoneId, setMicrophoneId] = useState("");
  const [audioOn, setAudioOnState] = useState(true);
  const [videoOn, setVideoOnState] = useState(true);
  const current = useRef<MediaStream | null>(null);
  const switches = useRef({ audioOn: true, videoOn: true });

  const stop = useCallback(() => {
    for (const track of current.current?.getTracks() ?? []) track.stop();
    current.current = null;
  }, []);

  const open = useCallback(
    async (choice: { cameraId?: string; microphoneId?: string } = {}) => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem("missing");
        return null;
      }
      let next: MediaStream | null = null;
      let failure: MediaProblem = null;
      // Both, then either one alone: a patient without a camera can still talk.
      const attempts: MediaStreamConstraints[] = [
        { audio: constraint(choice.microphoneId), video: constraint(choice.cameraId) },
        { audio: constraint(choice.microphoneId), video: false },
        { audio: false, video: constraint(choice.cameraId) },
      ];
      for (const attempt of attempts) {
        try {
          next = await navigator.mediaDevices.getUserMedia(attempt);
          break;
        } catch (error) {
          const name = (error as DOMException).name;
          failure = name === "NotAllowedError" || name === "SecurityError" ? "denied" : "missing";
          if (failure === "denied") break;
        }
      }
      stop();
      current.current = next;
      if (next) {
        for (const t of next.getAudioTracks()) t.enabled = switches.current.audioOn;
        for (const t of next.getVideoTracks()) t.enabled = switches.current.videoOn;
        const devices = await navigator.mediaDevices.enumerateDevices();
        setCameras(devices.filter((d) => d.kind === "videoinput"));
        setMicrophones(devices.filter((d) => d.kind === "audioinput"));
        setCameraId(next.getVideoTracks()[0]?.getSettings().deviceId ?? "");
        setMicrophoneId(next.getAudioTracks()[0]?.getSettings().deviceId ?? "");
      }
      setProblem(next ? null : failure);
      setStream(next);
      return next;
    },
    [stop],
  );

  const setAudioOn = useCallback((on: boolean) => {
    switches.current.audioOn = on;
    for (const t of current.current?.getAudioTracks() ?? []) t.enabled = on;
    setAudioOnState(on);
  }, []);

  const setVideoOn = useCallback((on: boolean) => {
    switches.current.videoOn = on;
    for (const t of current.current?.getVideoTracks() ?? []) t.enabled = on;
    setVideoOnState(on);
  }, []);

  useEffect(() => stop, [stop]);

  return { stream, problem, cameras, microphones, cameraId, microphoneId, audioOn, videoOn, open, setAudioOn, setVideoOn, stop };
}
