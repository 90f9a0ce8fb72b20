import { translator } from "../i18n/catalog";
import type { Language } from "../i18n/languages";
import type { Sender } from "../messages/kinds";

// Every email is written twice from one list of blocks: HTML with real
// headings and links that say where they go, and plain text that reads the
// same with no HTML at all. No images: a message must make sense unloaded.

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "facts"; rows: { label: string; value: string }[] }
  | { kind: "link"; label: string; url: string }
  | { kind: "list"; items: string[] };

export interface RenderedEmail {
  html: string;
  text: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Line breaks in stored text (an address, a policy) survive in HTML. */
const htmlLines = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, "<br>");

function contactRows(sender: Sender, language: Language): { label: string; value: string }[] {
  const t = translator(language, "messageLayout");
  const rows: [string, string | null][] = [
    [t("phone"), sender.phone],
    [t("email"), sender.email],
    [t("address"), sender.address],
  ];
  return rows.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(block.text)}</h2>`;
    case "paragraph":
      return `<p style="margin:0 0 12px">${htmlLines(block.text)}</p>`;
    case "facts":
      return `<dl style="margin:0 0 12px">${block.rows
        .map((row) => `<dt style="font-weight:bold;margin-top:8px">${escapeHtml(row.label)}</dt><dd style="margin:0">${htmlLines(row.value)}</dd>`)
        .join("")}</dl>`;
    case "link":
      return `<p style="margin:0 0 12px"><a href="${escapeHtml(block.url)}" style="color:#0f5c4d;font-weight:bold">${escapeHtml(block.label)}</a><br><span style="font-size:13px;color:#444;word-break:break-all">${escapeHtml(block.url)}</span></p>`;
    case "list":
      return `<ul style="margin:0 0 12px;padding-left:20px">${block.items.map((item) => `<li>${htmlLines(item)}</li>`).join("")}</ul>`;
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"-".repeat(Math.min(block.text.length, 60))}`;
    case "paragraph":
      return block.text;
    case "facts":
      return block.rows.map((row) => `${row.label}: ${row.value.replace(/\r\n|\r|\n/g, ", ")}`).join("\n");
    case "link":
      return `${block.label}:\n${block.url}`;
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
  }
}

/** One email in both forms, signed with the practice's name and contact details. */
export function renderEmail(args: { language: Language; title: string; blocks: Block[]; sender: Sender }): RenderedEmail {
  const { language, title, blocks, sender } = args;
  const contact = contactRows(sender, language);
  const footerBlocks: Block[] = contact.length > 0 ? [{ kind: "paragraph", text: translator(language, "messageLayout")("questions") }, { kind: "facts", rows: contact }] : [];
  const html = [
    "<!doctype html>",
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">`,
    `<main style="max-width:600px;margin:0 auto">`,
    `<p style="margin:0 0 8px;color:#444">${escapeHtml(sender.practiceName)}</p>`,
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    ...blocks.map(blockHtml),
    `<footer style="margin-top:32px;border-top:1px solid #ccc;padding-top:12px;font-size:14px">`,
    `<p style="margin:0 0 8px;font-weight:bold">${escapeHtml(sender.practiceName)}</p>`,
    ...footerBlocks.map(blockHtml),
    "</footer></main></body></html>",
  ].join("\n");
  const text = [
    sender.practiceName,
    "",
    title,
    "=".repeat(Math.min(title.length, 60)),
    "",
    ...blocks.flatMap((block) => [blockText(block), ""]),
    "--",
    sender.practiceName,
    ...footerBlocks.map(blockText),
    "",
  ].join("\n");
  return { html, text };
}
