import "server-only";
import { cache } from "react";
import { getPrisma } from "../db/client";
import { setupTokenSchema } from "./schema";
import { hashSetupToken } from "./token";

/**
 * Online booking is open once some active therapist, with weekly hours at an
 * active location, offers an active service. Until then the public pages say
 * so and the public API lists nothing, rather than offering dead ends.
 */
export const isBookingOpen = cache(async (): Promise<boolean> => {
  const bookable = await getPrisma().therapist.findFirst({
    where: {
      active: true,
      weeklyHours: { some: { location: { active: true } } },
      services: { some: { service: { active: true } } },
    },
    select: { id: true },
  });
  return bookable !== null;
});

/** Whether a setup link may still be used: known, unused, unexpired, and no administrator yet. */
export async function isSetupTokenUsable(token: string, now: Date): Promise<boolean> {
  if (!setupTokenSchema.safeParse(token).success) return false;
  const prisma = getPrisma();
  const row = await prisma.setupToken.findUnique({ where: { tokenHash: hashSetupToken(token) }, select: { usedAt: true, expiresAt: true } });
  if (!row || row.usedAt || row.expiresAt <= now) return false;
  const admins = await prisma.staffUser.count({ where: { role: "ADMIN", active: true } });
  return admins === 0;
}
