"use client";

import type { RoomEntryDto, RoomPeerDto, RoomSignalDto, RoomStateDto } from "@/lib/video/api-types";

// One browser tab's side of a video visit, without React: it polls the room
// through Stride's endpoints, and holds the WebRTC connection to the other
// side. The therapist's tab always makes the offer and the patient's always
// answers, so the two never talk over each other. The patient's tab says
// "hello" whenever it needs a fresh connection (let in, reloaded, network
// back); the therapist's tab answers every hello with a new connection.

export type RoomStatus =
  | "joining"
  | "waiting"
  | "alone"
  | "connecting"
  | "connected"
  | "reconnecting"
  | "left"
  | "replaced"
  | "closed"
  | "refused"
  | "signed-out";

export interface ChatMessage {
  id: string;
  from: "me" | "peer";
  text: string;
  at: number;
}

export interface PeerMedia {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface RoomSnapshot {
  status: RoomStatus;
  /** Stride's endpoints cannot be reached; the call itself may still be up. */
  signallingLost: boolean;
  peer: RoomPeerDto | null;
  peerMedia: PeerMedia;
  remoteStream: MediaStream | null;
  chat: ChatMessage[];
  /** Why joining was refused, in the server's words. */
  refusal: string | null;
  /** The refusal's error code, for a patient's page to say it in the patient's language. */
  refusalCode: string | null;
}

export interface RoomJoiner {
  /** Enters the room; the patient's joiner may resume a stored place. */
  join(): Promise<RoomEntryDto>;
  /** Forget a stored place (after leaving on purpose). */
  forget(): void;
}

export class RoomRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

const KEY_HEADER = "x-stride-room-key";
const FAILED_GRACE_MS = 4_000;
/** A new connection that is not up by then is started again. */
const CONNECT_TIMEOUT_MS = 10_000;

type DataMessage = { t: "chat"; id: string; text: string; at: number } | { t: "media"; audio: boolean; video: boolean; screen: boolean };

export class RoomConnection {
  private snapshot: RoomSnapshot = {
    status: "joining",
    signallingLost: false,
    peer: null,
    peerMedia: { audio: true, video: true, screen: false },
    remoteStream: null,
    chat: [],
    refusal: null,
    refusalCode: null,
  };
  private listeners = new Set<() => void>();
  private entry: RoomEntryDto | null = null;
  private cursor = 0;
  private version: string | undefined;
  private stopped = false;
  private poller: AbortController | null = null;
  private pc: RTCPeerConnection | null = null;
  private pcPeerId: string | null = null;
  private channel: RTCDataChannel | null = null;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private needsHello = false;
  private failedTimer: ReturnType<typeof setTimeout> | null = null;
  private localMedia: PeerMedia = { audio: true, video: true, screen: false };

  private localStream: MediaStream | null = null;
  private sendQueue: Promise<void> = Promise.resolve();

  constructor(private readonly joiner: RoomJoiner) {}

  /** The camera and microphone the next connection sends. */
  setLocalStream(stream: MediaStream | null): void {
    this.localStream = stream;
  }

  // ---- for React (useSyncExternalStore) ----
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = () => this.snapshot;

  private update(patch: Partial<RoomSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  // ---- lifecycle ----
  async start(): Promise<void> {
    this.stopped = false;
    this.update({ status: "joining", refusal: null, refusalCode: null, chat: [], peer: null, remoteStream: null });
    try {
      this.entry = await this.joiner.join();
    } catch (error) {
      if (error instanceof RoomRefusedError) {
        this.update({ status: error.status === 401 ? "signed-out" : "refused", refusal: error.message, refusalCode: error.code });
        return;
      }
      this.update({ status: "refused", refusal: null, refusalCode: null });
      return;
    }
    this.cursor = 0;
    this.version = undefined;
    void this.pollLoop();
  }

  /** Stops everything locally (page closing); the server notices the silence. */
  stop(): void {
    this.stopped = true;
    this.poller?.abort();
    this.closePeer();
  }

  /** The Leave button: tell the room, then stop. */
  async leave(): Promise<void> {
    const entry = this.entry;
    this.stop();
    this.joiner.forget();
    this.update({ status: "left", peer: null, remoteStream: null });
    if (!entry) return;
    await fetch(`/api/video/participants/${entry.participantId}`, { method: "DELETE", headers: { [KEY_HEADER]: entry.key } }).catch(() => {});
  }

  // ---- media state the other side shows ----
  setLocalMedia(media: PeerMedia): void {
    this.localMedia = media;
    this.sendData({ t: "media", ...media });
  }

  /**
   * Swaps what a sender carries (another camera or microphone, the screen and
   * back) without renegotiating the call.
   */
  async replaceTrack(kind: "audio" | "video", track: MediaStreamTrack | null): Promise<void> {
    const transceiver = this.pc?.getTransceivers().find((t) => t.receiver.track.kind === kind);
    if (transceiver) await transceiver.sender.replaceTrack(track);
  }

  sendChat(text: string): boolean {
    const message = { t: "chat" as const, id: crypto.randomUUID(), text, at: Date.now() };
    if (!this.sendData(message)) return false;
    this.update({ chat: [...this.snapshot.chat, { id: message.id, from: "me", text, at: message.at }] });
    return true;
  }

  private sendData(message: DataMessage): boolean {
    if (this.channel?.readyState !== "open") return false;
    this.channel.send(JSON.stringify(message));
    return true;
  }

  // ---- polling ----
  private async pollLoop(): Promise<void> {
    let backoff = 500;
    while (!this.stopped && this.entry) {
      const entry = this.entry;
      this.poller = new AbortController();
      const params = new URLSearchParams({ after: String(this.cursor) });
      if (this.version) params.set("known", this.version);
      try {
        const response = await fetch(`/api/video/participants/${entry.participantId}?${params}`, {
          headers: { [KEY_HEADER]: entry.key },
          signal: this.poller.signal,
          cache: "no-store",
        });
        if (response.status === 401 || response.status === 403) {
          // A lost key (or, for staff, an ended session): this tab is out.
          this.stop();
          this.update({ status: this.entry?.role === "THERAPIST" ? "signed-out" : "replaced", peer: null, remoteStream: null });
          return;
        }
        if (!response.ok) throw new Error(`poll ${response.status}`);
        const state = (await response.json()) as RoomStateDto;
        backoff = 500;
        if (this.snapshot.signallingLost) this.update({ signallingLost: false });
        await this.apply(state);
      } catch {
        if (this.stopped) return;
        this.update({ signallingLost: true });
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 4_000);
      }
    }
  }

  private async apply(state: RoomStateDto): Promise<void> {
    this.version = state.version;
    this.cursor = state.cursor;
    if (state.phase === "closed" || state.self.state === "LEFT") {
      this.stop();
      this.update({ status: state.phase === "closed" ? "closed" : "replaced", peer: null, remoteStream: null });
      return;
    }
    this.update({ peer: state.peer });
    if (state.self.state === "WAITING") {
      this.update({ status: "waiting" });
      return;
    }
    const peer = state.peer;
    if (!peer || peer.state !== "ADMITTED") {
      if (this.pc) this.closePeer();
      this.update({ status: "alone", remoteStream: null });
      return;
    }
    if (this.pcPeerId !== peer.id) {
      // Someone new on the other side (first admission, or their tab was replaced).
      this.closePeer();
      if (this.entry?.role === "PATIENT") {
        this.openPeer(peer.id);
        this.needsHello = true;
        this.scheduleRecovery(CONNECT_TIMEOUT_MS);
      }
      this.update({ status: "connecting" });
    }
    for (const signal of state.signals) {
      performance.mark(`stride:signal:${signal.kind}`);
      await this.handleSignal(signal);
    }
    if (this.needsHello && this.entry?.role === "PATIENT" && this.pcPeerId) {
      this.needsHello = !(await this.send("hello", {}));
    }
  }

  /** Sends one at a time, so the other side receives them in the order they were made. */
  private send(kind: RoomSignalDto["kind"], payload: unknown): Promise<boolean> {
    const to = this.pcPeerId;
    const sent = this.sendQueue.then(() => this.post(to, kind, payload));
    this.sendQueue = sent.then(() => undefined);
    return sent;
  }

  private async post(to: string | null, kind: RoomSignalDto["kind"], payload: unknown): Promise<boolean> {
    const entry = this.entry;
    if (!entry || !to) return false;
    try {
      const response = await fetch(`/api/video/participants/${entry.participantId}/signals`, {
        method: "POST",
        headers: { "content-type": "application/json", [KEY_HEADER]: entry.key },
        body: JSON.stringify({ to, kind, payload }),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  // ---- WebRTC ----
  private openPeer(peerId: string): RTCPeerConnection {
    const pc = new RTCPeerConnection({ iceServers: this.entry?.iceServers ?? [] });
    this.pc = pc;
    this.pcPeerId = peerId;
    this.pendingCandidates = [];
    const remote = new MediaStream();
    this.update({ remoteStream: remote, peerMedia: { audio: true, video: true, screen: false } });

    pc.ontrack = (event) => {
      if (this.pc !== pc) return;
      remote.addTrack(event.track);
      // A new MediaStream object makes the video element pick the track up.
      this.update({ remoteStream: new MediaStream(remote.getTracks()) });
    };
    pc.onicecandidate = (event) => {
      if (this.pc !== pc || !event.candidate) return;
      void this.send("candidate", event.candidate.toJSON());
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const s = pc.connectionState;
      performance.mark(`stride:connection:${s}`);
      if (s === "connected") {
        if (this.failedTimer) clearTimeout(this.failedTimer);
        this.failedTimer = null;
        this.update({ status: "connected" });
      } else if (s === "disconnected" || s === "failed") {
        this.update({ status: "reconnecting" });
        this.scheduleRecovery(s === "failed" ? 0 : FAILED_GRACE_MS);
      }
    };
    pc.ondatachannel = (event) => this.attachChannel(event.channel);
    return pc;
  }

  /** A connection that stays broken is rebuilt: the patient asks for a new one. */
  private scheduleRecovery(delay: number) {
    if (this.failedTimer) {
      // A failure now outranks a check that was due later.
      if (delay > 0) return;
      clearTimeout(this.failedTimer);
    }
    this.failedTimer = setTimeout(() => {
      this.failedTimer = null;
      const pc = this.pc;
      if (!pc || pc.connectionState === "connected") return;
      if (this.entry?.role === "PATIENT" && this.pcPeerId) {
        const peerId = this.pcPeerId;
        this.closePeer();
        this.openPeer(peerId);
        this.needsHello = true;
        this.scheduleRecovery(CONNECT_TIMEOUT_MS);
        void this.send("hello", {}).then((ok) => {
          if (ok) this.needsHello = false;
        });
      }
    }, delay);
  }

  private attachChannel(channel: RTCDataChannel) {
    this.channel = channel;
    channel.onopen = () => this.sendData({ t: "media", ...this.localMedia });
    channel.onmessage = (event) => {
      let message: DataMessage;
      try {
        message = JSON.parse(String(event.data)) as DataMessage;
      } catch {
        return;
      }
      if (message.t === "chat" && typeof message.text === "string") {
        const text = message.text.slice(0, 2_000);
        this.update({ chat: [...this.snapshot.chat, { id: String(message.id), from: "peer", text, at: Date.now() }] });
      } else if (message.t === "media") {
        this.update({ peerMedia: { audio: Boolean(message.audio), video: Boolean(message.video), screen: Boolean(message.screen) } });
      }
    };
  }

  private addLocalTracks(pc: RTCPeerConnection) {
    const stream = this.localStream;
    for (const kind of ["audio", "video"] as const) {
      const track = stream?.getTracks().find((t) => t.kind === kind);
      if (track && stream) pc.addTrack(track, stream);
      else pc.addTransceiver(kind, { direction: "recvonly" });
    }
  }

  private async handleSignal(signal: RoomSignalDto): Promise<void> {
    if (signal.from !== this.pcPeerId && signal.kind !== "hello") return;
    try {
      if (signal.kind === "hello" && this.entry?.role === "THERAPIST") {
        await this.offerTo(signal.from);
      } else if (signal.kind === "description") {
        const description = signal.payload as RTCSessionDescriptionInit;
        const pc = this.pc;
        if (!pc) return;
        await pc.setRemoteDescription(description);
        for (const c of this.pendingCandidates.splice(0)) await pc.addIceCandidate(c).catch(() => {});
        if (description.type === "offer") {
          this.attachLocalToTransceivers(pc);
          await pc.setLocalDescription(await pc.createAnswer());
          await this.send("description", pc.localDescription?.toJSON());
        }
      } else if (signal.kind === "candidate") {
        const candidate = signal.payload as RTCIceCandidateInit;
        const pc = this.pc;
        if (!pc) return;
        if (pc.remoteDescription) await pc.addIceCandidate(candidate).catch(() => {});
        else this.pendingCandidates.push(candidate);
      }
    } catch {
      // A message that no longer fits this connection: the next hello starts afresh.
      if (this.entry?.role === "PATIENT") this.scheduleRecovery(0);
    }
  }

  /** The answering side puts its camera and microphone on the offer's transceivers. */
  private attachLocalToTransceivers(pc: RTCPeerConnection) {
    const stream = this.localStream;
    for (const transceiver of pc.getTransceivers()) {
      const kind = transceiver.receiver.track.kind;
      const track = stream?.getTracks().find((t) => t.kind === kind);
      if (track && !transceiver.sender.track) {
        void transceiver.sender.replaceTrack(track);
        transceiver.direction = "sendrecv";
        if (stream) transceiver.sender.setStreams(stream);
      }
    }
  }

  private async offerTo(peerId: string): Promise<void> {
    if (this.snapshot.peer?.id !== peerId) return;
    this.closePeer();
    const pc = this.openPeer(peerId);
    this.attachChannel(pc.createDataChannel("room"));
    this.addLocalTracks(pc);
    this.update({ status: "connecting" });
    await pc.setLocalDescription(await pc.createOffer());
    await this.send("description", pc.localDescription?.toJSON());
  }

  private closePeer() {
    if (this.failedTimer) clearTimeout(this.failedTimer);
    this.failedTimer = null;
    this.channel?.close();
    this.channel = null;
    this.pc?.close();
    this.pc = null;
    this.pcPeerId = null;
    this.pendingCandidates = [];
  }
}
