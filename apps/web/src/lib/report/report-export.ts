import type { ReviewReport } from './review-report.ts';

/**
 * Words the exports need, in the reader's language: `t('arrivals')`, `t('level.red')`, … The
 * page passes the i18n translator (keys under `report.`); tests pass their own.
 */
export type ReportText = (key: string) => string;

/** Formats an ISO instant for the export (the page uses the event's timezone). */
export type ReportTime = (iso: string) => string;

const minutes = (value: number | null) => (value === null ? '' : String(Math.round(value)));
const met = (t: ReportText, value: boolean | null) =>
  value === null ? '' : t(value ? 'withinTarget' : 'overTarget');

interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

/** The report as tables, shared by both exports so they always say the same. */
export function reportTables(report: ReviewReport, t: ReportText, time: ReportTime): Table[] {
  const completion = (label: string) => [label, t('total'), t('done'), t('verified')];
  return [
    {
      title: t('arrivals'),
      head: [t('time'), t('arrived')],
      rows: report.arrivals.curve.map((point) => [time(point.at), String(point.arrived)]),
    },
    {
      title: t('incidentsByLevel'),
      head: [
        t('level'),
        t('target'),
        t('total'),
        t('withinTarget'),
        t('overTarget'),
        t('resolved'),
        t('medianAck'),
        t('medianResolve'),
      ],
      rows: report.incidents.levels.map((l) => [
        t(`level.${l.level}`),
        String(l.targetMinutes),
        String(l.total),
        String(l.withinTarget),
        String(l.overTarget),
        String(l.resolved),
        minutes(l.medianAckMinutes),
        minutes(l.medianResolveMinutes),
      ]),
    },
    {
      title: t('incidents'),
      head: [t('raisedAt'), t('level'), t('subject'), t('ackMinutes'), t('resolveMinutes'), t('target')],
      rows: report.incidents.list.map((i) => [
        time(i.raisedAt),
        t(`level.${i.level}`),
        i.title,
        minutes(i.ackMinutes),
        minutes(i.resolveMinutes),
        met(t, i.metTarget),
      ]),
    },
    { title: t('bySection'), head: completion(t('section')), rows: report.sections.map(completionRow) },
    { title: t('byPair'), head: completion(t('pair')), rows: report.pairs.map(completionRow) },
    {
      title: t('overdue'),
      head: [t('subject'), t('section'), t('owner'), t('due'), t('minutesLate')],
      rows: report.overdue.map((o) => [o.title, o.section, o.owner, time(o.dueAt), String(o.minutesLate)]),
    },
    {
      title: t('timeline'),
      head: [t('time'), t('event'), t('subject'), t('by'), t('note')],
      rows: report.timeline.map((r) => [time(r.at), t(r.kind), r.subject, r.by, r.text]),
    },
  ];
}

function completionRow(row: { label: string; total: number; done: number; verified: number }): string[] {
  return [row.label, String(row.total), String(row.done), String(row.verified)];
}

/**
 * RFC 4180 field. A cell starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV: one block per table (title line, header, rows), blocks separated by an empty line. */
export function reportToCsv(report: ReviewReport, t: ReportText, time: ReportTime): string {
  const blocks = reportTables(report, t, time).map((table) =>
    [[table.title], table.head, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n'),
  );
  return `${[[report.name, time(report.generatedAt)].map(csvField).join(','), ...blocks].join('\r\n\r\n')}\r\n`;
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
export function mdCell(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown: a title, then one `##` section with a table per part of the report. */
export function reportToMarkdown(report: ReviewReport, t: ReportText, time: ReportTime): string {
  const parts = [
    `# ${mdCell(t('title'))}: ${mdCell(report.name)}`,
    `${t('generated')} ${time(report.generatedAt)}`,
  ];
  for (const table of reportTables(report, t, time)) {
    parts.push(`## ${mdCell(table.title)}`);
    if (table.rows.length === 0) {
      parts.push(`_${t('none')}_`);
      continue;
    }
    const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
    parts.push(
      [line(table.head), `|${table.head.map(() => ' --- ').join('|')}|`, ...table.rows.map(line)].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
