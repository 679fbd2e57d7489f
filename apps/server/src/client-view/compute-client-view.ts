import type { Board, ClientView, ClientViewSettings, IncidentLevel } from '@pairboard/board-schema';

const CURVE_BUCKET_MS = 15 * 60 * 1000;
const LATEST_UPDATES = 10;
const LEVELS: readonly IncidentLevel[] = ['blue', 'yellow', 'red'];

/**
 * The client's redacted view of a board. Built field by field from counts and titles — never by
 * copying board objects — so no name, contact detail, note or internal entry can leak through.
 */
export function computeClientView(board: Board, settings: ClientViewSettings, now: Date): ClientView {
  return {
    boardName: board.meta?.name ?? '',
    timezone: board.meta?.timezone ?? 'UTC',
    generatedAt: now.toISOString(),
    sections: settings,
    ...(settings.progress ? { progress: progressOf(board) } : {}),
    ...(settings.attendance ? { attendance: attendanceOf(board) } : {}),
    ...(settings.incidents ? { incidents: incidentsOf(board) } : {}),
    ...(settings.updates ? { updates: updatesOf(board) } : {}),
  };
}

function progressOf(board: Board): NonNullable<ClientView['progress']> {
  const bySection = board.sections.map((section) => {
    const items = board.items.filter((item) => item.sectionId === section.id);
    return {
      title: section.title,
      done: items.filter((i) => i.status === 'done').length,
      total: items.length,
    };
  });
  return {
    done: board.items.filter((i) => i.status === 'done').length,
    total: board.items.length,
    verified: board.items.filter((i) => i.verifiedAt !== null).length,
    bySection,
  };
}

function attendanceOf(board: Board): NonNullable<ClientView['attendance']> {
  const arrivedTimes = board.guests
    .flatMap((g) => (g.checkIn ? [Date.parse(g.checkIn.at)] : []))
    .sort((a, b) => a - b);
  const tags = [...new Set(board.guests.flatMap((g) => g.tags))].sort();
  const byTag = tags.map((tag) => {
    const tagged = board.guests.filter((g) => g.tags.includes(tag));
    return { tag, arrived: tagged.filter((g) => g.checkIn).length, expected: tagged.length };
  });
  const curve: { at: string; arrived: number }[] = [];
  let count = 0;
  for (const time of arrivedTimes) {
    count += 1;
    const bucket = new Date(Math.floor(time / CURVE_BUCKET_MS) * CURVE_BUCKET_MS).toISOString();
    const last = curve.at(-1);
    if (last?.at === bucket) last.arrived = count;
    else curve.push({ at: bucket, arrived: count });
  }
  return { arrived: arrivedTimes.length, expected: board.guests.length, byTag, curve };
}

function incidentsOf(board: Board): NonNullable<ClientView['incidents']> {
  return {
    byLevel: LEVELS.map((level) => {
      const ofLevel = board.incidents.filter((i) => i.level === level);
      const count = (status: string) => ofLevel.filter((i) => i.status === status).length;
      return { level, open: count('open'), acknowledged: count('acknowledged'), resolved: count('resolved') };
    }),
    list: board.incidents.map((i) => ({
      id: i.id,
      title: i.title,
      level: i.level,
      status: i.status,
      raisedAt: i.raisedAt,
    })),
  };
}

function updatesOf(board: Board): NonNullable<ClientView['updates']> {
  return board.incidents
    .flatMap((incident) =>
      incident.timeline
        .filter((entry) => !entry.internal)
        .map((entry) => ({
          at: entry.at,
          incidentTitle: incident.title,
          kind: entry.kind,
          text: entry.text,
        })),
    )
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, LATEST_UPDATES);
}
