"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { SignInThrottled, signIn } from "@/lib/auth/config";

export interface SignInState {
  error: string | null;
  email: string;
}

const formSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = formSchema.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join(" "), email };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/staff" });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      return { error: `Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or ask an administrator to reset your access.`, email };
    }
    // The same words whether the email exists or not.
    if (error instanceof AuthError) return { error: "That email and password do not match an active staff account.", email };
    throw error;
  }
  return { error: null, email };
}
