/**
 * Timestamp forms the sources use, checked with patterns compiled once.
 * Every decoder writes `@timestamp` as an ISO 8601 string in UTC.
 */

// ISO 8601 as Elasticsearch's strict_date_optional_time accepts it for
// `@timestamp`: a date, optionally a time with any number of fractional
// digits, optionally a zone.
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const EPOCH_MILLIS = /^\d{1,15}$/;
const EPOCH_SECONDS = /^\d{1,12}(?:\.\d{1,9})?$/;
// The largest time a JavaScript Date can hold, in milliseconds.
const MAX_DATE_MILLIS = 8.64e15;

// Sysmon's UtcTime: `2019-03-18 16:57:38.636`, always UTC.
const SPACE_SEPARATED_UTC =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?$/;

/** True when `text` is an ISO 8601 date or date-time Elasticsearch accepts. */
export function isIsoTimestamp(text: string): boolean {
  return ISO_8601.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * Converts epoch milliseconds (a number or a string of digits, as FDR and
 * Cloud Funnel write them) to ISO 8601 UTC with millisecond precision.
 * Returns undefined for anything else.
 */
export function isoFromEpochMillis(value: unknown): string | undefined {
  let millis: number;
  if (typeof value === 'number') millis = value;
  else if (typeof value === 'string' && EPOCH_MILLIS.test(value)) {
    millis = Number(value);
  } else return undefined;
  if (!Number.isFinite(millis) || millis < 0) return undefined;
  if (millis > MAX_DATE_MILLIS) return undefined;
  return new Date(millis).toISOString();
}

/**
 * Converts epoch seconds with an optional fraction (`1745988595.443`, as
 * FDR writes ProcessStartTime) to ISO 8601 UTC with millisecond precision.
 * Returns undefined for anything else.
 */
export function isoFromEpochSeconds(
  text: string | undefined,
): string | undefined {
  if (text === undefined || !EPOCH_SECONDS.test(text)) return undefined;
  return isoFromEpochMillis(Math.round(Number(text) * 1000));
}

/**
 * Converts a UTC time written `yyyy-MM-dd HH:mm:ss.SSS` (Sysmon's UtcTime)
 * to ISO 8601 with a `Z`, keeping the fraction as written.
 * Returns undefined for anything else.
 */
export function isoFromSpaceSeparatedUtc(text: string): string | undefined {
  const match = SPACE_SEPARATED_UTC.exec(text);
  if (match === null) return undefined;
  const fraction = match[3] === undefined ? '' : `.${match[3]}`;
  const iso = `${match[1]}T${match[2]}${fraction}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks an ISO 8601 timestamp and makes its zone explicit: a time without
 * zone is UTC, as Elasticsearch reads it (JavaScript would read it as local
 * time). The text is otherwise kept, fraction digits included.
 * Returns undefined for anything that is not ISO 8601.
 */
export function utcIso(text: string): string | undefined {
  if (!isIsoTimestamp(text)) return undefined;
  if (DATE_ONLY.test(text)) return `${text}T00:00:00Z`;
  return HAS_ZONE.test(text) ? text : `${text}Z`;
}

/**
 * An ISO 8601 timestamp rewritten in UTC with millisecond precision, extra
 * fraction digits cut off, as Elasticsearch's date processor writes it
 * (`2022-11-09T17:59:52.6265786Z` gives `2022-11-09T17:59:52.626Z`).
 */
export function isoMillis(text: string): string | undefined {
  const iso = utcIso(text);
  if (iso === undefined) return undefined;
  const date = new Date(Date.parse(iso));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
