import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { Agenda } from "../domain/agenda.ts";
import { agendaText } from "./agenda-text.ts";
import { MINUTES_FONTS } from "./minutes-docx.ts";

// The 会前议程 as a Word document for printing: the title in the title face,
// section lines in 黑体, items in 仿宋_GB2312, from the same lines as the text.

const run = (text: string, font: string, size: number) => new TextRun({ text, size, font: { eastAsia: font, ascii: MINUTES_FONTS.latin, hAnsi: MINUTES_FONTS.latin } });

export async function agendaDocx(a: Agenda): Promise<Buffer> {
  const [title, ...lines] = agendaText(a).split("\n");
  const doc = new Document({
    title,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(title, MINUTES_FONTS.title, 40)] }),
          ...lines.map((l) => new Paragraph({ children: [run(l.trimStart() ? l : " ", /^（[一二三四五]）/.test(l) ? MINUTES_FONTS.heading : MINUTES_FONTS.body, 28)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
