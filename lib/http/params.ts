import { z } from "zod";
import { AppError } from "../errors/app-error";

/** A path id that is not a UUID names nothing: 404 before any query. */
export async function idParam(params: Promise<{ id: string }>, what = "appointment"): Promise<string> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", `No such ${what}.`);
  return id;
}
