"use client";

import { useEffect, useRef } from "react";

/** A live bar for the microphone, so a patient can see they are heard before joining. */
export function MicrophoneMeter({ stream, label }: { stream: MediaStream | null; label: string }) {
  const meter = useRef<HTMLMeterElement>(null);
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!stream || !track || typeof AudioContext === "undefined") return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const draw = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128) / 128);
      if (meter.current) meter.current.value = Math.min(1, peak * 2);
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);
  if (!stream?.getAudioTracks().length) return null;
  return (
    <div className="flex items-center gap-3">
      <span id="microphone-level-label" className="font-semibold">
        {label}
      </span>
      <meter ref={meter} aria-labelledby="microphone-level-label" min={0} max={1} value={0} className="h-3 w-48" />
    </div>
  );
}
