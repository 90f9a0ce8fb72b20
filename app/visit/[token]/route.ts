import { NextResponse } from "next/server";
import { findVisitRoom } from "@/lib/video/data";

type Context = { params: Promise<{ token: string }> };

/** The join link in confirmations: opens the room in the visit's language. */
export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  const room = await findVisitRoom(token, new Date());
  const language = room?.language ?? "en";
  const response = NextResponse.redirect(new URL(`/${language}/visit/${encodeURIComponent(token)}`, request.url), 303);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
