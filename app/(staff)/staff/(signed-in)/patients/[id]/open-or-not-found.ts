import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";

/** A patient this staff member may not read looks exactly like one that does not exist. */
export async function openOrNotFound<T>(open: Promise<T>): Promise<T> {
  try {
    return await open;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
