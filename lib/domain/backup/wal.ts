/**
 * Names of PostgreSQL write-ahead-log files, as they appear in the archive: a segment is
 * TTTTTTTTXXXXXXXXYYYYYYYY (timeline, then the segment's position in two 32-bit halves, in hex); a
 * timeline's history is TTTTTTTT.history; a backup's history file is <segment>.<offset>.backup.
 */

const SEGMENT = /^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})$/;
const BACKUP_HISTORY = /^([0-9A-F]{24})\.[0-9A-F]{8}\.backup$/;
const TIMELINE_HISTORY = /^[0-9A-F]{8}\.history$/;
const FOUR_GB = 0x1_0000_0000;

export type Segment = { timeline: number; position: number };

/** The timeline and the position (counted in segments from the start of the log) of a segment's name; null for another name. */
export function parseSegmentName(name: string, segmentBytes: number): Segment | null {
  const match = SEGMENT.exec(name);
  if (!match) return null;
  const perLog = FOUR_GB / segmentBytes;
  const low = Number.parseInt(match[3]!, 16);
  if (low >= perLog) return null;
  return { timeline: Number.parseInt(match[1]!, 16), position: Number.parseInt(match[2]!, 16) * perLog + low };
}

const hex8 = (value: number) => value.toString(16).toUpperCase().padStart(8, "0");

/** The file name of a segment. */
export function segmentName(segment: Segment, segmentBytes: number): string {
  const perLog = FOUR_GB / segmentBytes;
  return hex8(segment.timeline) + hex8(Math.floor(segment.position / perLog)) + hex8(segment.position % perLog);
}

/** The segments from `first` to `last` inclusive (both of one timeline), in order. */
export function segmentsBetween(first: string, last: string, segmentBytes: number): string[] {
  const from = parseSegmentName(first, segmentBytes);
  const to = parseSegmentName(last, segmentBytes);
  if (!from || !to) throw new Error(`Not WAL segment names: ${first}, ${last}`);
  if (from.timeline !== to.timeline) throw new Error(`${first} and ${last} are on different timelines`);
  if (to.position < from.position) throw new Error(`${last} precedes ${first}`);
  const names: string[] = [];
  for (let position = from.position; position <= to.position; position++) {
    names.push(segmentName({ timeline: from.timeline, position }, segmentBytes));
  }
  return names;
}

/**
 * The archived files no kept base backup needs: segments (and backup history files) positioned before
 * `oldestNeeded`, the first segment of the oldest kept backup, on any timeline. Timeline history files
 * are always kept: they are tiny, and recovery reads them to follow a timeline switch. Other names
 * (temporary copies in progress) are left alone.
 */
export function archivedFilesToRemove(files: readonly string[], oldestNeeded: string, segmentBytes: number): string[] {
  const limit = parseSegmentName(oldestNeeded, segmentBytes);
  if (!limit) throw new Error(`Not a WAL segment name: ${oldestNeeded}`);
  return files.filter((file) => {
    if (TIMELINE_HISTORY.test(file)) return false;
    const segment = parseSegmentName(BACKUP_HISTORY.exec(file)?.[1] ?? file, segmentBytes);
    return segment !== null && segment.position < limit.position;
  });
}

/** Whether a file name is a timeline history file (TTTTTTTT.history). */
export function isTimelineHistory(name: string): boolean {
  return TIMELINE_HISTORY.test(name);
}

/** The segment holding a WAL location (an LSN as PostgreSQL prints it, e.g. 0/5000028) on a timeline. */
export function segmentOfLsn(lsn: string, timeline: number, segmentBytes: number): string {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`Not a WAL location: ${lsn}`);
  const bytes = BigInt(`0x${match[1]}`) * BigInt(FOUR_GB) + BigInt(`0x${match[2]}`);
  return segmentName({ timeline, position: Number(bytes / BigInt(segmentBytes)) }, segmentBytes);
}
