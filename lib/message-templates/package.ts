import "server-only";
import { publicBaseUrl } from "../env";
import { translator } from "../i18n/catalog";
import { formatLongDate } from "../i18n/format-date-time";
import { formatPrice } from "../i18n/format-price";
import type { Composer } from "../messages/kinds";
import { packageCodeFor } from "../packages/code";
import { packageIdOfMessage } from "../packages/purchase-webhook";
import { renderEmail } from "./layout";

/**
 * A paid package: what it gives, until when, what was paid, and the private
 * link that books with it. The code in the link is derived from the package
 * again here (never stored), so a retried send carries the same link.
 */
export const composePackage: Composer = async (tx, message, sender) => {
  const packageId = packageIdOfMessage(message.dedupeKey);
  if (!packageId) return { skip: "The message names no package." };
  const bought = await tx.patientPackage.findUnique({
    where: { id: packageId },
    include: { offer: { include: { service: { select: { nameEn: true, nameEs: true } } } }, patient: { select: { email: true } } },
  });
  if (!bought || !bought.purchasedAt || !bought.expiresAt) return { skip: "The package is not paid for." };
  const language = message.language;
  const t = translator(language, "messagePackage");
  const name = language === "es" ? bought.offer.nameEs : bought.offer.nameEn;
  const service = language === "es" ? bought.offer.service.nameEs : bought.offer.service.nameEn;
  // The practice's zone is not the package's: a calendar date in UTC is what "use by" means here.
  const expires = formatLongDate(bought.expiresAt.toISOString(), "UTC", language);
  const url = `${publicBaseUrl()}/${language}/book?package=${packageCodeFor(bought.id)}`;
  const body = renderEmail({
    language,
    title: t("title", { name }),
    sender,
    blocks: [
      { kind: "paragraph", text: t("intro", { visits: bought.visitsTotal, service, expires }) },
      { kind: "paragraph", text: t("howTo") },
      { kind: "link", label: t("book"), url },
      { kind: "heading", text: t("receipt") },
      {
        kind: "facts",
        rows: [
          { label: t("paid"), value: formatPrice(bought.offer.priceCents, bought.offer.currency, language) },
          { label: t("visits"), value: String(bought.visitsTotal) },
          { label: t("expires"), value: expires },
        ],
      },
    ],
  });
  return { to: message.recipient, subject: t("subject", { name }), ...body };
};
