import "server-only";
import { publicBaseUrl } from "../env";
import { doseText } from "../exercise-programs/dose-text";
import { hashProgramToken } from "../exercise-programs/token";
import { translator } from "../i18n/catalog";
import type { Composer } from "../messages/kinds";
import { messageLinkToken } from "../patient-links/tokens";
import { renderEmail } from "./layout";

const PROGRAM_KEY = /^program:([0-9a-f-]{36})$/;

/**
 * A home program's private link, with its exercises and doses. The link's
 * token derives from this message and the program, as the program recorded
 * its hash when it was given; a program gone since is not sent.
 */
export const composeHomeProgram: Composer = async (tx, message, sender) => {
  const programId = PROGRAM_KEY.exec(message.dedupeKey)?.[1];
  if (!programId) return { skip: "The message names no program." };
  const program = await tx.exerciseProgram.findUnique({
    where: { id: programId },
    select: {
      tokenHash: true,
      sessionsPerWeek: true,
      startsOn: true,
      endsOn: true,
      patient: { select: { firstName: true } },
      items: { orderBy: { position: "asc" }, include: { exercise: { select: { nameEn: true, nameEs: true } } } },
    },
  });
  if (!program) return { skip: "The program was removed before its message was sent." };
  const token = messageLinkToken(message.id, "program", programId);
  if (hashProgramToken(token) !== program.tokenHash) return { skip: "The program's link belongs to another message." };

  const language = message.language;
  const t = translator(language, "messageHomeProgram");
  const weeks = Math.round((program.endsOn.getTime() - program.startsOn.getTime()) / 86_400_000 + 1) / 7;
  const body = renderEmail({
    language,
    title: t("subject"),
    sender,
    blocks: [
      { kind: "paragraph", text: t("hello", { name: program.patient.firstName }) },
      { kind: "paragraph", text: t("intro", { practice: sender.practiceName, count: program.sessionsPerWeek, weeks }) },
      { kind: "link", label: t("open"), url: `${publicBaseUrl()}/${language}/program/${token}` },
      { kind: "heading", text: t("exercises") },
      { kind: "list", items: program.items.map((item) => `${language === "es" ? item.exercise.nameEs : item.exercise.nameEn}: ${doseText(item, language)}`) },
      { kind: "paragraph", text: t("private") },
    ],
  });
  return { to: message.recipient, subject: t("subject"), ...body };
};
