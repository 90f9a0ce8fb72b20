"use client";

import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { useActionState } from "react";
import { sendTestMessageAction, type TestMessageState } from "./actions";

const NO_FIELDS: Record<string, string> = {};

const WORDS = {
  EMAIL: { what: "email", label: "Send to", button: "Send a test email" },
  SMS: { what: "text message", label: "Phone number", button: "Send a test text message" },
} as const;

/** `formId` is made by the page each time it is shown: sending one form twice queues one message. */
export function TestMessageForm({ channel, defaultRecipient, formId }: { channel: "EMAIL" | "SMS"; defaultRecipient: string; formId: string }) {
  const initial: TestMessageState = { result: null, values: { channel, recipient: defaultRecipient, language: "en", formId } };
  const words = WORDS[channel];
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
            {done.queued ? `A test ${words.what} to ${done.recipient} is on its way; it shows in the list of messages once sent.` : `This form was sent already: no second ${words.what} was queued.`}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="channel" value={channel} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-recipient`}
          name="recipient"
          label={words.label}
          type={channel === "EMAIL" ? "email" : "tel"}
          autoComplete={channel === "EMAIL" ? "email" : "tel"}
          required
          defaultValue={state.values.recipient}
          error={fields.recipient}
        />
        <SelectField
          id={`${id}-language`}
          name="language"
          label="Language"
          defaultValue={state.values.language}
          error={fields.language}
          options={[
            { value: "en", label: "English" },
            { value: "es", label: "Spanish" },
          ]}
        />
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Sending…" : words.button}
      </button>
    </form>
  );
}
