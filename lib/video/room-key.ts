import { AppError } from "../errors/app-error";
import { participantKeySchema } from "./schema";

/** The header a video-room tab proves itself with; a header, so it stays out of URLs and logs. */
export const ROOM_KEY_HEADER = "x-stride-room-key";

export function roomKey(request: Request): string {
  const parsed = participantKeySchema.safeParse(request.headers.get(ROOM_KEY_HEADER) ?? "");
  if (!parsed.success) throw new AppError("UNAUTHORIZED", "This room key is missing or malformed. Reload the page to join again.");
  return parsed.data;
}
