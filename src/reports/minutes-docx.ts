import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { chineseNumeral, dayInProse, TERMS } from "../domain/glossary.ts";
import type { Minutes } from "../services/minutes-service.ts";

// The 会议纪要 as a Word document in the usual form of a government one:
// the title in 方正小标宋简体 (二号), headings in 黑体, body in 仿宋_GB2312
// (三号), first-line indent of two characters, 28-point line spacing. Where
// a font is missing, Word and LibreOffice substitute a installed Song/Hei
// face (the eastAsia slot names the Chinese font, the Latin slots a font
// every machine has), so the document still opens and prints.

export const MINUTES_FONTS = { title: "方正小标宋简体", heading: "黑体", body: "仿宋_GB2312", latin: "Times New Roman" } as const;

const SIZE = { title: 44, body: 32 } as const; // half-points: 二号 22pt, 三号 16pt
const LINE = { line: 560, lineRule: "exact" as const }; // 28pt, in twentieths of a point

const run = (text: string, font: string, bold = false, size: number = SIZE.body) =>
  new TextRun({ text, bold, size, font: { eastAsia: font, ascii: MINUTES_FONTS.latin, hAnsi: MINUTES_FONTS.latin } });

const body = (text: string, opts: { indent?: boolean; font?: string } = {}) =>
  new Paragraph({ spacing: LINE, indent: opts.indent === false ? undefined : { firstLine: 640 }, children: [run(text, opts.font ?? MINUTES_FONTS.body)] });

/** The body paragraphs in reading order (also what a test or a text preview checks). */
export function minutesParagraphs(m: Minutes): string[] {
  const { meeting } = m;
  const when = `${dayInProse(meeting.date, true)}${meeting.time ? ` ${meeting.time}` : ""}`;
  const out = [
    `${when}，${meeting.host || "会议主持人"}${meeting.place ? `在${meeting.place}` : ""}主持召开${meeting.title}，听取招商引资项目推进情况汇报，逐一研究项目推进中的困难和问题。现将会议议定事项纪要如下：`,
  ];
  m.topics.forEach((t, i) => {
    out.push(`${chineseNumeral(i + 1)}、${t.title}`);
    t.decisions.forEach((d, j) => {
      out.push(`（${chineseNumeral(j + 1)}）${d.matter.replace(/[。；;.]$/, "")}。${TERMS.responsibleUnit}：${d.unit}；${TERMS.responsiblePerson}：${d.owner}；${TERMS.timeLimit}：${dayInProse(d.deadline, true)}前。`);
    });
  });
  if (!m.topics.length) out.push("本次会议未形成议定事项。");
  out.push("以上议定事项由区招商投资促进局按“清单化、项目化”跟踪督办，下次调度会逐项报告落实情况。");
  return out;
}

export async function minutesDocx(m: Minutes): Promise<Buffer> {
  const { meeting } = m;
  const paragraphs = minutesParagraphs(m);
  const headingAt = new Set(m.topics.map((_, i) => `${chineseNumeral(i + 1)}、`));
  const doc = new Document({
    creator: "招商调度",
    title: `${meeting.title}${TERMS.minutes}`,
    styles: { default: { document: { run: { font: { eastAsia: MINUTES_FONTS.body, ascii: MINUTES_FONTS.latin, hAnsi: MINUTES_FONTS.latin }, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(`${meeting.title}${TERMS.minutes}`, MINUTES_FONTS.title, false, SIZE.title)] }),
          body(`时　　间：${dayInProse(meeting.date, true)} ${meeting.time}`, { indent: false }),
          body(`地　　点：${meeting.place || "—"}`, { indent: false }),
          body(`${TERMS.host}　　：${meeting.host || "—"}`, { indent: false }),
          body(`${TERMS.attendees}：${meeting.attendees.join("、") || "—"}`, { indent: false }),
          ...paragraphs.map((p) => ([...headingAt].some((h) => p.startsWith(h)) ? body(p, { font: MINUTES_FONTS.heading }) : body(p))),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
