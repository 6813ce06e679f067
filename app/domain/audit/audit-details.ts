// An audit entry's details (the JSON each writer stores) as "Label: value" pairs a council admin can read: dates
// as "27 March 2027", yes/no, a record's name in place of its id where the log's reader found one, a changed
// field as "before → after". Survey entries show only what says how the survey was run, never an answer.
import { KIND_LABEL } from "~/domain/accounts/labels.ts";
import { readableValue, unitsFrom } from "~/domain/contracts/history.ts";
import { unitLabel } from "~/domain/contracts/labels.ts";
import { formatDate, formatDateTime, formatNumber } from "~/domain/format.ts";
import { topicBySlug } from "~/domain/survey/questions.ts";
import * as enums from "~/generated/prisma/enums.ts";
import { MeasureUnit } from "~/generated/prisma/enums.ts";

export type DetailPair = { label: string; value: string };

// in the order a reader takes them in: who or what, then the change, then the rest
const KEY_LABELS: Record<string, string> = {
  userId: "Person",
  organisationId: "Organisation",
  partnershipId: "Partnership",
  partnership: "Partnership",
  returnId: "Return",
  name: "Name",
  kind: "Kind of organisation",
  email: "Email",
  code: "Code",
  measure: "Measure",
  unit: "Unit",
  units: "Units",
  commitmentId: "Commitment",
  slug: "Web address",
  published: "Published",
  quarter: "Quarter",
  year: "Year",
  page: "Page",
  role: "Role",
  status: "Status",
  from: "From",
  to: "To",
  changed: "Changed",
  neededBy: "Needed by",
  joinedAt: "Joined",
  reason: "Reason",
  because: "Reason",
  prefilled: "Started from the previous survey’s answers",
  sent: "The answers had been sent",
  invitations: "Invitations",
  sentAgain: "Sent again",
  invitedByEmail: "Skipped: already invited by email",
  confirmedAddress: "Confirmed a link sent to another address was for their business",
  unsentResponsesDeleted: "Unsent responses deleted",
  offersDeclined: "Offers declined",
  evidenceFiles: "Evidence files",
  requestsWithdrawn: "Requests withdrawn",
  pledgesWithdrawn: "Pledges withdrawn",
  invitationsCancelled: "Invitations cancelled",
  emailsCancelled: "Emails cancelled",
  rows: "Rows",
  upload: "File",
  postcodeAreas: "Postcode areas",
  sha256: "File fingerprint (SHA-256)",
};
const KEY_ORDER = Object.keys(KEY_LABELS);
// a key with no place above comes after those that have one (the log stores details without their order)
const place = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);

// What a survey entry may show: how the survey was run (dates, counts, which page), never what a business answered.
const SURVEY_KEYS = new Set([
  "prefilled",
  "page",
  "sent",
  "year",
  "changed",
  "unsentResponsesDeleted",
  "invitations",
  "sentAgain",
  "invitedByEmail",
  "confirmedAddress",
  "reason",
]);

// Ids whose record the log's reader looks up by name (audit-log.server.ts); any other id is kept, labelled.
export const NAMED_ID_KEYS = ["userId", "organisationId", "partnershipId", "returnId"] as const;

/** "evidenceFiles" → "Evidence files", "CHANGES_REQUESTED" → "Changes requested". */
export function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// A day the calendar has: "2026-13-45" or "2026-02-30" typed as a name or a reference is text, not a day (the first
// stopped the whole log with an error, the second read as "2 March 2026").
function isCalendarDay(value: string): boolean {
  const day = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value.slice(0, 10);
}
// What people type (names, titles, references, reasons) is shown exactly as they typed it, even where it looks
// like a day or one of the portal's codes: a contract titled "ACTIVE" or referenced "2026-01-31" stays so.
const TYPED_KEYS = new Set([
  "name",
  "email",
  "code",
  "slug",
  "reason",
  "because",
  "title",
  "reference",
  "planReference",
  "supplier",
  "department",
  "contractManager",
  "measure",
  "qualitativeText",
  "narrative",
  "helpText",
]);
const typed = (key: unknown, value: unknown): value is string =>
  typeof key === "string" && TYPED_KEYS.has(key) && typeof value === "string" && value !== "";
// Only the portal's own codes (statuses, roles, types of help…) are put in words: a postcode area ("GU1"), a
// measure code ("SV01") or a contract reference ("LOT_A") is shown exactly as it was recorded.
const UNITS = new Set<string>(Object.values(MeasureUnit));
const ENUM_WORDS = new Set<string>(
  Object.values(enums).flatMap((e) => (typeof e === "object" && e !== null ? Object.values(e) : [])),
);

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    if (ISO_DAY.test(value) && isCalendarDay(value)) return formatDate(`${value}T12:00:00Z`);
    if (ISO_TIME.test(value) && isCalendarDay(value) && !Number.isNaN(Date.parse(value)))
      return formatDateTime(value);
    if (Object.hasOwn(KIND_LABEL, value)) return KIND_LABEL[value as keyof typeof KIND_LABEL];
    if (UNITS.has(value)) return unitLabel(value as MeasureUnit);
    if (ENUM_WORDS.has(value)) return humanise(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  return JSON.stringify(value);
}

// The recorded figures of contracts, commitments and measures, said as their history says them ("1500000.00" is
// "£1,500,000.00"): the same words on the audit log as on the contract's page.
const FIGURE_FIELDS = new Set(["valueGbp", "proxyValueGbp", "targetQuantity", "plan"]);

function changedValue(field: unknown, value: unknown, unit: MeasureUnit | null = null): string {
  if (typed(field, value)) return value;
  if (typeof field === "string" && FIGURE_FIELDS.has(field) && typeof value === "string" && value !== "")
    return readableValue(field, value, unit) ?? formatValue(value);
  return formatValue(value);
}

function isChange(value: unknown): value is { label: string; field?: unknown; from?: unknown; to?: unknown } {
  return (
    typeof value === "object" && value !== null && "label" in value && ("from" in value || "to" in value)
  );
}

function isFromTo(value: unknown): value is { from?: unknown; to?: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === "from" || k === "to");
}

// A survey entry's page is stored by its key in the survey's address ("barriers"): shown by the title the person
// answering saw ("Barriers to tendering"); a key the survey no longer has, as it was recorded.
function surveyPage(value: unknown): string {
  if (typeof value !== "string" || value === "") return formatValue(value);
  return topicBySlug(value)?.title ?? value;
}

function pairs(key: string, value: unknown, label: string, names: ReadonlyMap<string, string>): DetailPair[] {
  if ((NAMED_ID_KEYS as readonly string[]).includes(key) && typeof value === "string") {
    const name = names.get(value);
    return [name ? { label, value: name } : { label: `${label} (reference)`, value }];
  }
  // a list of field changes (contracts, commitments, measures): one line a field
  if (Array.isArray(value) && value.length > 0 && value.every(isChange))
    return value.map((c) => ({
      label: c.label,
      value: `${changedValue(c.field, c.from)} → ${changedValue(c.field, c.to)}`,
    }));
  // the names of the fields changed (a survey's settings)
  if (key === "changed" && Array.isArray(value))
    return [
      { label, value: value.map((v) => (typeof v === "string" ? humanise(v) : formatValue(v))).join(", ") },
    ];
  if (isFromTo(value)) return [{ label, value: `${formatValue(value.from)} → ${formatValue(value.to)}` }];
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) =>
      pairs(k, v, `${label}: ${KEY_LABELS[k] ?? humanise(k)}`, names),
    );
  return [{ label, value: typed(key, value) ? value : formatValue(value) }];
}

// An import's entries. The import itself counts contracts and commitments by what it did to them, which read as
// "Changed: 9", "Commitments created: 10"… in no order: said here as the message once imported says them. The
// file's id (`upload`, deleted once imported) means nothing to a reader. Each contract's entry lists its changes
// with `units`, each change's measure's unit: its figures are said in it ("50 hours"), not listed apart.
const count = (details: Record<string, unknown>, key: string) =>
  typeof details[key] === "number" ? (details[key] as number) : null;

function importCounts(details: Record<string, unknown>): DetailPair[] | null {
  const [created, changed, unchanged] = ["created", "changed", "unchanged"].map((k) => count(details, k));
  if (created === null || changed === null || unchanged === null) return null;
  const outcomes = (n: number | null, made: number | null, altered: number | null, same: number | null) =>
    made === null || altered === null || same === null
      ? formatNumber(n ?? 0)
      : `${formatNumber(n ?? made + altered + same)} (${formatNumber(made)} new, ${formatNumber(altered)} changed, ${formatNumber(same)} unchanged)`;
  const kept = count(details, "commitmentsKept");
  const rows = count(details, "rows");
  const commitments = count(details, "commitments");
  return [
    { label: "Contracts", value: outcomes(created + changed + unchanged, created, changed, unchanged) },
    ...(commitments === null
      ? []
      : [
          {
            label: "Commitments",
            value: outcomes(
              commitments,
              count(details, "commitmentsCreated"),
              count(details, "commitmentsChanged"),
              count(details, "commitmentsUnchanged"),
            ),
          },
        ]),
    ...(kept ? [{ label: "Commitments not in the file, kept as they were", value: formatNumber(kept) }] : []),
    ...(rows === null ? [] : [{ label: "Rows in the file", value: formatNumber(rows) }]),
  ];
}

function importChanges(details: Record<string, unknown>): DetailPair[] | null {
  const { changes, units: _units, ...rest } = details;
  const units = unitsFrom(details);
  if (!Array.isArray(changes) || !changes.every(isChange) || !units || units.length !== changes.length)
    return null;
  return [
    ...changes.map((c, index) => ({
      label: c.label,
      value: `${changedValue(c.field, c.from, units[index])} → ${changedValue(c.field, c.to, units[index])}`,
    })),
    ...readableDetails("", rest),
  ];
}

/** An entry's details as labelled pairs; `names` holds the names found for the ids it names. */
export function readableDetails(
  action: string,
  details: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): DetailPair[] {
  const survey = action.startsWith("survey.");
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details))
    return survey ? [] : [{ label: "Details", value: formatValue(details) }];
  const own = details as Record<string, unknown>;
  const imported =
    action === "contract.import"
      ? importCounts(own)
      : action === "contract.import_create" || action === "contract.import_update"
        ? importChanges(own)
        : null;
  if (imported) return imported;
  return Object.entries(details as Record<string, unknown>)
    .filter(([key]) => !survey || SURVEY_KEYS.has(key))
    .sort(([a], [b]) => place(a) - place(b) || a.localeCompare(b))
    .flatMap(([key, value]) =>
      survey && key === "page"
        ? [{ label: KEY_LABELS.page!, value: surveyPage(value) }]
        : pairs(key, value, KEY_LABELS[key] ?? humanise(key), names),
    );
}
