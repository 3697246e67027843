import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import type { Agenda, AgendaItem, AgendaSection } from "../domain/agenda.ts";
import { BOT_NAME, MEETING_TEXTS } from "../domain/glossary.ts";
import { MINUTES_FONTS } from "./minutes-docx.ts";

// The 会前议程 as a government meeting document, in the 纪要's faces: the
// title 第X次…议程 in the title face (二号), 时间/地点/主持/参会 lines,
// numbered parts 一、二、三 in 黑体, each part's items in a table (序号,
// 项目, 堵点及进展, 责任单位, 时限) in 仿宋 (小四), page numbers — 1 — in
// the footer. The numbering and text come from the same Agenda as the post.

const D = MEETING_TEXTS.doc;
const SIZE = { title: 44, body: 32, table: 24, footer: 28 } as const; // half-points: 二号, 三号, 小四, 四号
const LINE = { line: 560, lineRule: "exact" as const }; // 28pt
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 }; // the GB/T 9704 page
const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right; // A4 width in twentieths of a point
// 序号, 项目, 堵点及进展, 责任单位, 时限
const COLUMN_WIDTHS = [700, 2300, 3245, 1500, 1100];

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, bold, size, font: { eastAsia: font, ascii: MINUTES_FONTS.latin, hAnsi: MINUTES_FONTS.latin } });

const line = (text: string, font: string = MINUTES_FONTS.body, indent = false) =>
  new Paragraph({ spacing: LINE, indent: indent ? { firstLine: 640 } : undefined, children: [run(text, font, SIZE.body)] });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(texts: string[], width: number, opts: { header?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: (texts.length ? texts : [D.empty]).map(
      (t) => new Paragraph({ alignment: opts.center || opts.header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(t, opts.header ? MINUTES_FONTS.heading : MINUTES_FONTS.body, SIZE.table)] }),
    ),
  });
}

/** The five cells of an item: 序号, what it is about, the blockers and progress, 责任单位, 时限. */
export function itemCells(item: AgendaItem): [string, string, string[], string, string] {
  const deadline = item.deadline ? D.deadlineBefore(item.deadline) : D.empty;
  return [String(item.no), item.title, item.lines, item.unit ?? D.empty, deadline];
}

function headerRow(s: AgendaSection): string[] {
  const c = D.columns;
  if (s.key === "followUp") return [c.no, c.matter, c.status, c.unit, c.deadline];
  if (s.key === "pace") return [c.no, c.group, c.blockers, c.unit, c.deadline];
  return [c.no, c.project, c.blockers, c.unit, c.deadline];
}

function itemsTable(s: AgendaSection): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    rows: [
      new TableRow({ tableHeader: true, children: headerRow(s).map((h, i) => cell([h], COLUMN_WIDTHS[i]!, { header: true })) }),
      ...s.items.map((item) => {
        const [no, about, lines, unit, deadline] = itemCells(item);
        return new TableRow({
          cantSplit: true,
          children: [cell([no], COLUMN_WIDTHS[0]!, { center: true }), cell([about], COLUMN_WIDTHS[1]!), cell(lines, COLUMN_WIDTHS[2]!), cell([unit], COLUMN_WIDTHS[3]!, { center: true }), cell([deadline], COLUMN_WIDTHS[4]!, { center: true })],
        });
      }),
    ],
  });
}

/** The document's title: 第X次全区招商引资工作调度会议程 (no ordinal when the meeting is not on record). */
export const agendaDocTitle = (a: Agenda) => D.title(a.meeting.title, a.meeting.ordinal);

export async function agendaDocx(a: Agenda): Promise<Buffer> {
  const m = a.meeting;
  const title = agendaDocTitle(a);
  const parts: Array<Paragraph | Table> = [];
  a.sections.forEach((s, i) => {
    // The domain numbers parts （一）…; a document's first level is 一、.
    parts.push(line(D.sectionHeading(i + 1, s.title.replace(/^（[^）]+）/, "")), MINUTES_FONTS.heading));
    if (s.key === "followUp" && s.items.length) parts.push(line(D.followUpCounts(a.counts.done, a.counts.inProgress, a.counts.overdue), MINUTES_FONTS.body, true));
    if (s.byKind?.length) parts.push(line(D.byKind(s.byKind.map((g) => `${g.label}（${g.unit}）${g.projectIds.map((id) => `#${id}`).join("、")}`)), MINUTES_FONTS.body, true));
    if (!s.items.length) parts.push(line(D.none, MINUTES_FONTS.body, true));
    else parts.push(itemsTable(s), new Paragraph({ spacing: { after: 120 }, children: [] }));
  });
  const doc = new Document({
    creator: BOT_NAME,
    title,
    styles: { default: { document: { run: { font: { eastAsia: MINUTES_FONTS.body, ascii: MINUTES_FONTS.latin, hAnsi: MINUTES_FONTS.latin }, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { margin: MARGIN, pageNumbers: { start: 1 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [D.pageNumberAround[0], PageNumber.CURRENT, D.pageNumberAround[1]], size: SIZE.footer, font: { eastAsia: MINUTES_FONTS.body, ascii: MINUTES_FONTS.latin, hAnsi: MINUTES_FONTS.latin } })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(title, MINUTES_FONTS.title, SIZE.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(D.asOf(a.asOf), MINUTES_FONTS.body, SIZE.body)] }),
          line(D.time(m.date, m.time)),
          line(D.place(m.place)),
          line(D.host(m.host)),
          line(D.attendees(m.attendees ?? [])),
          ...parts,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
