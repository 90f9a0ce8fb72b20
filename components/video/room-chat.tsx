"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ChatMessage } from "./room-connection";

/** Text chat over the call's own data channel: it never passes through, or stays on, a server. */
export function RoomChat({
  peerName,
  messages,
  available,
  onSend,
}: {
  peerName: string;
  messages: ChatMessage[];
  available: boolean;
  onSend: (text: string) => boolean;
}) {
  const t = useTranslations("videoRoom");
  const id = useId();
  const [draft, setDraft] = useState("");
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-md border border-stone-300 p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t("chatHeading")}
      </h2>
      <ol aria-live="polite" className="max-h-60 space-y-2 overflow-y-auto" data-testid="chat-messages">
        {messages.length === 0 ? <li className="text-sm text-stone-700">{t("chatEmpty")}</li> : null}
        {messages.map((m) => (
          <li key={m.id}>
            <span className="font-semibold">{m.from === "me" ? t("chatYou") : peerName}:</span> {m.text}
          </li>
        ))}
      </ol>
      <form
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const text = draft.trim();
          if (text && onSend(text.slice(0, 1_000))) setDraft("");
        }}
      >
        <label htmlFor={`${id}-input`} className="sr-only">
          {t("chatLabel")}
        </label>
        <input
          id={`${id}-input`}
          value={draft}
          maxLength={1000}
          disabled={!available}
          onChange={(e) => setDraft(e.target.value)}
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2"
          aria-describedby={available ? undefined : `${id}-hint`}
        />
        <button type="submit" disabled={!available} className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("chatSend")}
        </button>
      </form>
      {available ? null : (
        <p id={`${id}-hint`} className="text-sm text-stone-700">
          {t("chatUnavailable")}
        </p>
      )}
    </section>
  );
}
