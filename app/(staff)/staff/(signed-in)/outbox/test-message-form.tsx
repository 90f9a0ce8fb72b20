"use client";

import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { useActionState } from "react";
import { sendTestMessageAction, type TestMessageState } from "./actions";

const NO_FIELDS: Record<string, string> = {};

/** `formId` is made by the page each time it is shown: sending one form twice queues one message. */
export function TestMessageForm({ defaultRecipient, formId }: { defaultRecipient: string; formId: string }) {
  const initial: TestMessageState = { result: null, values: { recipient: defaultRecipient, language: "en", formId } };
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
            {done.queued ? `A test email to ${done.recipient} is on its way; it shows below once sent.` : "This form was sent already: no second email was queued."}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="formId" value={formId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="test-recipient" name="recipient" label="Send to" type="email" autoComplete="email" required defaultValue={state.values.recipient} error={fields.recipient} />
        <SelectField
          id="test-language"
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
        {pending ? "Sending…" : "Send a test email"}
      </button>
    </form>
  );
}
