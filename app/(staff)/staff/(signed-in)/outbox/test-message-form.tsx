"use client";

import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendTestMessageAction, type TestMessageState } from "./actions";

const NO_FIELDS: Record<string, string> = {};

const LANGUAGES = ["en", "es"] as const;

/** `formId` is made by the page each time it is shown: sending one form twice queues one message. */
export function TestMessageForm({ channel, defaultRecipient, formId }: { channel: "EMAIL" | "SMS"; defaultRecipient: string; formId: string }) {
  const initial: TestMessageState = { result: null, values: { channel, recipient: defaultRecipient, language: "en", formId } };
  const t = useTranslations("staffOutbox.form");
  const id = channel === "EMAIL" ? "test" : "test-sms";
  const [state, action, pending] = useActionState(sendTestMessageAction, initial);
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const failure = state.result && !state.result.ok ? state.result : null;
  const done = state.result?.ok ? state.result.data : null;
  const fields = failure?.fields ?? NO_FIELDS;
  return (
    <form action={action} noValidate className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
        {done ? (
          <p className="text-sm text-teal-900">
            {done.queued ? t("queued", { channel, recipient: done.recipient }) : t("already", { channel })}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="channel" value={channel} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-recipient`}
          name="recipient"
          label={t("recipient", { channel })}
          type={channel === "EMAIL" ? "email" : "tel"}
          autoComplete={channel === "EMAIL" ? "email" : "tel"}
          required
          defaultValue={state.values.recipient}
          error={fields.recipient}
        />
        <SelectField
          id={`${id}-language`}
          name="language"
          label={t("language")}
          defaultValue={state.values.language}
          error={fields.language}
          options={LANGUAGES.map((language) => ({ value: language, label: t("languageOption", { language }) }))}
        />
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("sending") : t("send", { channel })}
      </button>
    </form>
  );
}
