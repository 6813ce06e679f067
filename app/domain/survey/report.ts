// The aggregate report (pure): counts and percentages per answer with small-number suppression,
// barriers ranked, and the change against the previous cycle.
import { BARRIERS, MEET_THE_BUYER, PREFER_NOT, TOPICS, preferNotChoice, type Choice } from "./questions.ts";
import { SIZE_LABELS } from "./size.ts";
import { suppressIndependent, suppressPartition, type Cell, type ShownCell } from "./suppression.ts";

export type ReportResponse = {
  derivedSize: string | null;
  barriers: string[];
  meetTheBuyerInterest: string | null;
  contactConsent: boolean;
  // YES, NO or PREFER_NOT_TO_SAY as answered (null: not answered)
  contactConsentAnswer: string | null;
  protectedAnswers: Record<string, string>;
};

export type ReportRow = {
  key: string;
  label: string;
  current: ShownCell;
  previous: ShownCell | null;
  // percentage points, only where both years' cells are shown
  change: number | null;
};

// Why a table is left out, in the same words on the page and in the CSV: too few answers, or all (or nearly all)
// businesses giving the same one, which the hidden counts would give away.
export const NOT_PUBLISHED =
  "Not published: too few answers, or too many of them the same, to show without risk of identifying a business.";

// Why some numbers are hidden, in plain words, on the page and at the end of the CSV: the same rule both follow.
export const HIDDEN_NUMBERS_EXPLAINED = [
  'To protect businesses, any number below 5 (0 included) is shown as "<5".',
  'Where a hidden number could be worked out by taking the numbers shown from the total, another number is hidden too and shown as "[c]" (5 or more), so that no hidden number can be worked out.',
  'A question where that is not enough (for example, when every business gave the same answer, so each "<5" could only be 0) is not published.',
];

// How the percentages of a question businesses could give several answers to are read (decision 007, s41 addendum).
export const multiSelectExplained = (title: string) =>
  `In "${title}", each percentage is of all the businesses that sent answers, and a business could choose more than one answer, so the percentages can add up to more than 100%.`;

// The notes the page and the CSV give, each only with a table it is about: "<5" only when a published number is
// shown as "<5" (this year's or, in the CSV, the year before's) or a table is not published (its numbers are hidden by
// the same rule), the "[c]" of a hidden number worked out from a total only when a "[c]" is shown, "not published"
// only when a table is not, and how a multi-select table's percentages add up only when such a table is published. A
// note about numbers that are not there would read as if there were some to look for, and say what the answers were
// like (decision 007, s41 addendum).
export function numbersExplained(tables: ReportTable[]) {
  const shown = tables.filter((t) => !t.hidden);
  const cells = shown.flatMap((t) =>
    t.rows.flatMap((r) => (r.previous ? [r.current, r.previous] : [r.current])),
  );
  const notPublishedAny = tables.some((t) => t.hidden);
  const [belowFive, fromTheTotal, notPublished] = HIDDEN_NUMBERS_EXPLAINED;
  return [
    ...(notPublishedAny || cells.some((c) => c.suppressed === "primary") ? [belowFive] : []),
    ...(cells.some((c) => c.suppressed === "secondary") ? [fromTheTotal] : []),
    ...(notPublishedAny ? [notPublished] : []),
    ...shown.filter((t) => t.kind === "multi").map((t) => multiSelectExplained(t.title)),
  ];
}

export type ReportTable = {
  id: string;
  title: string;
  kind: "partition" | "multi";
  total: number | null;
  // too few answers (or one answer for everybody): the table is not published at all
  hidden: boolean;
  rows: ReportRow[];
};

// The answer to "may we contact you" as the report counts it. Rows from before the answer itself was kept hold only
// the yes/no.
export function contactConsentAnswerOf(r: { contactConsentAnswer: string | null; contactConsent: boolean }) {
  return r.contactConsentAnswer ?? (r.contactConsent ? "YES" : null);
}

const NO_BARRIERS = "NO_BARRIERS";

const NOT_ANSWERED: Choice = { value: "NOT_ANSWERED", label: "Not answered" };

type Definition = {
  id: string;
  title: string;
  kind: "partition" | "multi";
  choices: Choice[];
  valuesOf: (r: ReportResponse) => string[];
  // answers of a multi-select question chosen only on their own (the form refuses them with any other)
  alone?: string[];
};

function single(value: string | null | undefined) {
  return [value || NOT_ANSWERED.value];
}

const protectedQuestions = TOPICS.filter((t) => t.protected).flatMap((t) =>
  // ethnic background is reported only by broad group: the detailed cells would all be small
  t.questions.filter((q) => q.name !== "ethnicBackground").map((q) => ({ topic: t, question: q })),
);

export const REPORT_DEFINITIONS: Definition[] = [
  {
    id: "derivedSize",
    title: "Business size",
    kind: "partition",
    choices: [
      ...Object.entries(SIZE_LABELS).map(([value, label]) => ({ value, label })),
      { value: NOT_ANSWERED.value, label: "Not known" },
    ],
    valuesOf: (r) => single(r.derivedSize),
  },
  ...protectedQuestions.map(({ topic, question }) => ({
    id: question.name,
    title: `${topic.title}: ${question.legend}`,
    kind: "partition" as const,
    choices: [...(question.options ?? []), NOT_ANSWERED],
    valuesOf: (r: ReportResponse) => single(r.protectedAnswers[question.name]),
  })),
  {
    id: "barriers",
    title: "Barriers to tendering (businesses could choose more than one)",
    kind: "multi",
    choices: [...BARRIERS, preferNotChoice],
    valuesOf: (r) => r.barriers,
    alone: [NO_BARRIERS, PREFER_NOT],
  },
  {
    id: "meetTheBuyerInterest",
    title: "Interest in Meet the Buyer events",
    kind: "partition",
    choices: [...MEET_THE_BUYER, NOT_ANSWERED],
    valuesOf: (r) => single(r.meetTheBuyerInterest),
  },
  {
    id: "contactConsent",
    title: "Agreed to be contacted",
    kind: "partition",
    choices: [{ value: "YES", label: "Yes" }, { value: "NO", label: "No" }, preferNotChoice, NOT_ANSWERED],
    valuesOf: (r) => single(contactConsentAnswerOf(r)),
  },
];

function countCells(definition: Definition, responses: ReportResponse[]): Cell[] {
  const counts = new Map(definition.choices.map((c) => [c.value, 0]));
  for (const response of responses)
    for (const value of definition.valuesOf(response))
      if (counts.has(value)) counts.set(value, counts.get(value)! + 1);
  return definition.choices.map((c) => ({ key: c.value, count: counts.get(c.value)! }));
}

function suppressedTable(definition: Definition, responses: ReportResponse[]) {
  const cells = countCells(definition, responses);
  return definition.kind === "multi"
    ? suppressIndependent(cells, responses.length, definition.alone ?? [])
    : suppressPartition(cells, responses.length);
}

// Ranked barriers: shown counts first, largest first; hidden ones after, in questionnaire order. "We have not met
// any barriers" and "Prefer not to say" are not barriers: they come last, whatever their counts.
function rank(rows: ReportRow[]) {
  const order = (r: ReportRow) =>
    r.key === PREFER_NOT ? -3 : r.key === NO_BARRIERS ? -2 : (r.current.count ?? -1);
  return [...rows].sort((a, b) => order(b) - order(a));
}

export function buildReport(responses: ReportResponse[], previous: ReportResponse[] | null): ReportTable[] {
  return REPORT_DEFINITIONS.map((definition) => {
    const current = suppressedTable(definition, responses);
    const before = previous ? suppressedTable(definition, previous) : null;
    const rows: ReportRow[] = definition.choices.map((choice, index) => {
      const cell = current.cells[index];
      const prior = before && !before.totalSuppressed ? before.cells[index] : null;
      const change =
        cell.percent !== null && prior?.percent != null
          ? Math.round((cell.percent - prior.percent) * 10) / 10
          : null;
      return { key: choice.value, label: choice.label, current: cell, previous: prior, change };
    });
    return {
      id: definition.id,
      title: definition.title,
      kind: definition.kind,
      total: current.total,
      hidden: current.totalSuppressed,
      rows: definition.id === "barriers" ? rank(rows) : rows,
    };
  });
}
