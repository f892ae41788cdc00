import type { ChecklistView } from '../../../../shared/api/schemas/checklist.js';
import type { InspectionRecord } from '../../../../shared/api/schemas/inspections.js';
import type { ChecklistItem } from '../../../../shared/checklist/templateSchema.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { inspectionKindWords, inspectionStatusWords, rectificationStatusWords, templateSourceWords, verdictWords } from '../../../../shared/domain/inspectionWords.js';
import { PdfLayout, textAreaWidth, type TableColumn, type TableRow } from '../../export/pdf/pdfLayout.js';

export type Period = Readonly<{ from: string; to: string }>;
/** What the checklist PDF is written from: one inspection as read (its snapshot, scores, findings, 整改), its period. */
export type PackagedInspection = InspectionRecord & Readonly<{ period: Period }>;

type Score = ChecklistView['score'];
type Numbered = Readonly<{ number: string; item: ChecklistItem }>;

const chineseDigits = '一二三四五六七八九';
/** 一 … 二十: templates have at most 20 sections. */
function chineseOrdinal(value: number): string {
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${chineseDigits[tens - 1]}十`}${ones === 0 ? '' : chineseDigits[ones - 1]}`;
}

const points = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(Math.round(value * 100) / 100));

/** Each item of the template with its 序号 (section.item, as the PDF numbers it), in the checklist's order. */
export function numberedItems(template: ChecklistView['template']): Map<string, Numbered> {
  return new Map(template.sections.flatMap((section, sectionIndex) => section.items.map((item, itemIndex) => [item.id, { number: `${sectionIndex + 1}.${itemIndex + 1}`, item }] as const)));
}

const labelled = (pairs: ReadonlyArray<readonly [string, string]>): TableRow[] => pairs.map(([label, value]) => ({ cells: [label, value] }));
const pairColumns: TableColumn[] = [
  { header: '项目', width: 100 },
  { header: '内容', width: textAreaWidth - 100 },
];

function scoreLines(name: string, score: Score, template: ChecklistView['template'], items: ReadonlyMap<string, Numbered>): Array<readonly [string, string]> {
  const keyShort = score.keyShort.map((id) => items.get(id)?.item.title ?? id);
  const verdict = `${score.passes ? '达到' : '未达到'}合格线（${template.passPercent}%）${keyShort.length > 0 ? `；★ 关键项未得满分：${keyShort.join('、')}` : ''}`;
  return [
    [`${name}得分`, `${points(score.score)} / ${points(score.max)}（${score.percent}%），已评 ${score.assessed} / ${score.total} 项`],
    [`${name}结果`, verdict],
    [`${name}等级`, score.grade?.label ?? '未达到任何等级'],
  ];
}

function itemRows(inspection: PackagedInspection, items: ReadonlyMap<string, Numbered>, sectionIndex: number, evaluated: boolean): TableRow[] {
  const { snapshot, evaluation, scores } = inspection;
  const section = snapshot.template.sections[sectionIndex]!;
  const own = new Map(snapshot.score.items.map((item) => [item.id, item]));
  const theirs = new Map(evaluation.items.map((item) => [item.id, item]));
  const answers = new Map(snapshot.answers.map((answer) => [answer.itemId, answer]));
  const notes = new Map(scores.map((score) => [score.itemId, score.note]));
  const rows = section.items.map((item): TableRow => {
    const content = [
      `${item.key ? '★ ' : ''}${item.title}${item.tier === 'model' ? '（示范）' : ''}`,
      item.requirement,
      answers.get(item.id)?.note ? `自评说明：${answers.get(item.id)!.note}` : '',
      notes.get(item.id) ? `评估说明：${notes.get(item.id)}` : '',
    ];
    return {
      cells: [items.get(item.id)!.number, content.filter(Boolean).join('\n'), points(own.get(item.id)?.max), points(own.get(item.id)?.score), evaluated ? points(theirs.get(item.id)?.score) : ''],
    };
  });
  const subtotal = (score: Score) => score.sections.find((entry) => entry.id === section.id);
  const subtotalRow = { cells: ['', '小计', points(subtotal(snapshot.score)?.max), points(subtotal(snapshot.score)?.score), evaluated ? points(subtotal(evaluation)?.score) : ''], bold: true };
  return [...rows, subtotalRow];
}

const itemColumns: TableColumn[] = [
  { header: '序号', width: 34, align: 'center' },
  { header: '检查内容/要求', width: textAreaWidth - 34 - 3 * 46 },
  { header: '分值', width: 46, align: 'center' },
  { header: '自评得分', width: 46, align: 'center' },
  { header: '评估得分', width: 46, align: 'center' },
];

function heading(layout: PdfLayout, text: string): void {
  layout.gap(8);
  layout.keep(60);
  layout.text(text, { size: 12, bold: true });
  layout.gap(3);
}

/** A numbered list under its heading (序号 first), or 无。 when it is empty. */
function numberedList<Entry>(layout: PdfLayout, title: string, columns: readonly TableColumn[], entries: readonly Entry[], cells: (entry: Entry) => string[]): void {
  heading(layout, title);
  if (entries.length === 0) return layout.text('无。', { size: 10 });
  layout.table([{ header: '序号', width: 30, align: 'center' }, ...columns], entries.map((entry, index) => ({ cells: [String(index + 1), ...cells(entry)] })));
}

const findingColumns: TableColumn[] = [
  { header: '条目', width: 64 },
  { header: '考察点', width: 64 },
  { header: '要求', width: 90 },
  { header: '地点', width: 52 },
  { header: '时间', width: 60, align: 'center' },
  { header: '存在问题', width: textAreaWidth - 360 },
];

const rectificationColumns: TableColumn[] = [
  { header: '整改要求', width: 130 },
  { header: '责任人', width: 54 },
  { header: '整改期限', width: 60, align: 'center' },
  { header: '状态', width: 50, align: 'center' },
  { header: '整改情况 / 复查意见', width: textAreaWidth - 324 },
];

function findingsPart(layout: PdfLayout, inspection: PackagedInspection, items: ReadonlyMap<string, Numbered>): void {
  numberedList(layout, '检查发现', findingColumns, inspection.findings, (finding) => {
    const numbered = items.get(finding.itemId);
    return [numbered ? `${numbered.number} ${numbered.item.title}` : finding.itemId, finding.point, finding.requirement, finding.location, finding.observedOn, finding.problem];
  });
}

function rectificationsPart(layout: PdfLayout, inspection: PackagedInspection): void {
  numberedList(layout, '整改任务', rectificationColumns, inspection.rectifications, (task) => {
    const report = [task.closureNote ? `整改情况：${task.closureNote}（材料 ${task.fileCount} 份）` : '', task.recheckNote ? `复查意见：${task.recheckNote}` : ''].filter(Boolean).join('\n');
    return [task.task, task.owner.displayName, task.dueOn, rectificationStatusWords[task.status], report];
  });
}

/**
 * The inspection's checklist as a PDF (issue 13, the 迎检包): the station and the inspection, the standard and its
 * source, then per section every item with its 分值, the 自评得分 of the snapshot and the evaluator's 评估得分 (blank
 * until the evaluator scores), ★ key items marked and section subtotals; the totals, the verdict and opinion once
 * concluded, the findings, the 整改 tasks and lines for the signatures. Figures come from the snapshot only.
 */
export function inspectionPdf(station: string, inspection: PackagedInspection, generatedAt: Date): Buffer {
  const { snapshot } = inspection;
  const { template } = snapshot;
  const evaluated = inspection.scores.length > 0;
  const items = numberedItems(template);
  const layout = new PdfLayout();
  layout.text(station, { size: 12, align: 'center' });
  layout.text(`${inspection.title}检查表`, { size: 16, bold: true, align: 'center' });
  layout.gap(8);
  layout.table(
    pairColumns,
    labelled([
      ['站点名称', station],
      ['检查名称', inspection.title],
      ['检查类型', inspectionKindWords[inspection.kind]],
      ['检查单位', inspection.inspectingBody],
      ['检查日期', inspection.plannedOn],
      ['统计期', `${inspection.period.from} 至 ${inspection.period.to}`],
      ['检查标准', `${template.name}（第 ${template.version} 版）`],
      ['标准来源', `${template.source.citation}（${templateSourceWords[template.source.kind]}）`],
      ['检查状态', inspectionStatusWords[inspection.status]],
      ['快照校验值', `SHA-256 ${inspection.snapshotSha256}`],
    ]),
  );
  template.sections.forEach((section, index) => {
    heading(layout, `${chineseOrdinal(index + 1)}、${section.title}`);
    layout.table(itemColumns, itemRows(inspection, items, index, evaluated));
  });
  heading(layout, '得分与结论');
  const conclusion: Array<readonly [string, string]> =
    inspection.verdict === null
      ? []
      : [
          ['检查结论', verdictWords[inspection.verdict]],
          ['检查意见', inspection.opinion],
          ['作出结论', inspection.concludedBy && inspection.concludedAt ? `${inspection.concludedBy.displayName}，${localDay(new Date(inspection.concludedAt))}` : ''],
        ];
  layout.table(pairColumns, labelled([...scoreLines('自评', snapshot.score, template, items), ...(evaluated ? scoreLines('评估', inspection.evaluation, template, items) : []), ...conclusion]));
  findingsPart(layout, inspection, items);
  rectificationsPart(layout, inspection);
  layout.gap(28);
  layout.keep(60);
  layout.spread(['检查人员签字：', '站长签字：', '日期：'], { size: 11 });
  return layout.finish({ title: `${station} ${inspection.title}检查表`, createdAt: generatedAt });
}
