import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { bookingClientMessages, clientMessages } from "@/lib/i18n/catalog";
import { isLanguage } from "@/lib/i18n/languages";
import { ManageBooking } from "./manage-booking";
import { SeriesVisits } from "./series-visits";

export async function generateMetadata({ params }: PageProps<"/[lang]/manage/[token]">): Promise<Metadata> {
  const { lang } = await params;
  const title = isLanguage(lang) ? (await getTranslations({ locale: lang, namespace: "manage" }))("title") : undefined;
  // The address holds a private token: keep it out of search engines.
  return { title, robots: { index: false, follow: false } };
}

export default async function ManageBookingPage({ params, searchParams }: PageProps<"/[lang]/manage/[token]">) {
  const [{ lang, token }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  // The time picker, the visit terms and the video-visit words of the booking flow are read here too.
  return (
    <NextIntlClientProvider locale={lang} messages={{ ...bookingClientMessages(lang), ...clientMessages(lang, ["lookup"]) }}>
      <QueryProvider>
        <ManageBooking language={lang} token={token} justBooked={query.booked === "1"} />
        <SeriesVisits language={lang} token={token} />
      </QueryProvider>
    </NextIntlClientProvider>
  );
}
