// What the public list says of the filters in its address it could not use: each next to its field and in the error
// summary (GOV.UK's pattern), naming what was sent and what to do, and a line with the results saying which filters
// they are not filtered by. Words only, worked out on the server: the page shows them as they come.
import { listInWords } from "~/domain/format.ts";
import type { NamedFilter } from "./named-filters.ts";
import type { UnreadFilter } from "./search-unread.ts";

// The list form's fields, in the order of the page: the error summary lists its problems in this order.
const FILTER_FIELDS = [
  "council",
  "category",
  "helpType",
  "district",
  "remote",
  "closingBefore",
  "sort",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** A council, category or district left out: naming nothing on the lists, an entry of another council than the
 * one chosen (its name and the chosen council's), or, with no council chosen, a district of another council than the
 * category's (no request is in both): the district's id, name and council, and the category's name and council. */
export type NamedProblem =
  | { name: NamedFilter; kind: "notFound" }
  | { name: Exclude<NamedFilter, "council">; kind: "otherCouncil"; entry: string; council: string }
  | {
      name: "district";
      kind: "otherCouncilThanCategory";
      id: string;
      entry: string;
      council: string;
      category: string;
      categoryCouncil: string;
    };

export type FilterProblems = {
  /** each field's message, as the error summary and the fields take them */
  errors: Partial<Record<FilterField, string[]>>;
  /** what was typed in a field taking typed values, shown back in it */
  typed: { closingBefore?: string };
  /** a choice on the lists left out, still shown chosen in its field so the person sees what to change */
  kept: { district?: string };
  /** the filters the results are not filtered by, in a sentence; null when every filter sent is applied */
  leftOut: string | null;
  /** what the list did with the parts of the address that are no field of the form */
  notes: string[];
};

// How the sentence with the results names each filter left out.
const FILTER_WORDS: Record<Exclude<FilterField, "sort">, string> = {
  council: "council",
  category: "category",
  helpType: "type of help",
  district: "district",
  remote: "“can be done remotely” choice",
  closingBefore: "closing date",
};

function namedMessage(problem: NamedProblem) {
  if (problem.kind === "otherCouncilThanCategory")
    return `The district ‘${problem.entry}’ is in ${problem.council}, but the category ‘${problem.category}’ is one of ${problem.categoryCouncil}’s categories, so no request can be in both: choose a district in ${problem.categoryCouncil}, or any district`;
  if (problem.kind === "otherCouncil")
    return problem.name === "district"
      ? `The district ‘${problem.entry}’ is not in ${problem.council}: choose a district in that council, or any council`
      : `The category ‘${problem.entry}’ is not one of ${problem.council}’s categories: choose one of its categories, or any council`;
  return `The ${problem.name} in the link you followed was not found (it may have been removed): choose a ${problem.name}, or any ${problem.name}`;
}

function unreadMessage({ name, sent }: UnreadFilter) {
  switch (name) {
    case "helpType":
      return `The type of help in the link you followed, “${sent}”, is not one of the types of help: choose a type of help, or any type of help`;
    case "remote":
      return `The “can be done remotely” choice in the link you followed, “${sent}”, was not understood: tick the box for requests that can be done remotely, or leave it empty for all requests`;
    case "closingBefore":
      return `The closing date “${sent}” is not a real date: enter a date like 27/3/2027, or leave it empty for any date`;
    case "sort":
      return `The order in the link you followed, “${sent}”, is not one the list can be sorted by: choose how to sort the requests`;
    case "since":
      return `The “published since” time in the link you followed, “${sent}”, is not a real time, so requests published at any time are shown.`;
  }
}

/**
 * The problems of a list's address. `named`: the council, category and district left out; `unread`: the other values
 * that are no value of their filter; `page`: the page number as sent, said when it is no page number at all (a page
 * past the last is said with the results, which know how many pages there are).
 */
export function filterProblems({
  named,
  unread,
  page,
}: {
  named: NamedProblem[];
  unread: UnreadFilter[];
  page: string;
}): FilterProblems {
  const found: FilterProblems["errors"] = {};
  const typed: FilterProblems["typed"] = {};
  const kept: FilterProblems["kept"] = {};
  const notes: string[] = [];
  for (const problem of named) found[problem.name] = [namedMessage(problem)];
  // a district and a category of two councils are each on the lists, and were as likely chosen in the form as sent by
  // a link: the district stays chosen in its field, and the results say apart that they are the category's only
  const apart = named.find((p) => p.kind === "otherCouncilThanCategory");
  if (apart) kept.district = apart.id;
  for (const filter of unread) {
    if (filter.name === "since") notes.push(unreadMessage(filter));
    else found[filter.name] = [unreadMessage(filter)];
    if (filter.name === "closingBefore") typed.closingBefore = filter.sent;
  }
  if (page && !/^\d+$/.test(page))
    notes.push(`There is no page “${page.slice(0, 40)}”: the first page is shown.`);
  else if (/^0+$/.test(page)) notes.push(`There is no page ${page}: the first page is shown.`);
  // in the order of the form, as the error summary lists them (the page need not know the order)
  const errors = Object.fromEntries(
    FILTER_FIELDS.flatMap((field) => (found[field] ? [[field, found[field]]] : [])),
  );
  const words = FILTER_FIELDS.flatMap((field) =>
    field !== "sort" && errors[field] && field !== apart?.name ? [FILTER_WORDS[field]] : [],
  );
  const many = words.length > 1;
  const sentences = [
    words.length
      ? `The ${listInWords(words)} in the link you followed could not be used, so these requests are not filtered by ${many ? "them" : "it"}.`
      : "",
    apart
      ? `These requests are filtered by the category ‘${apart.category}’ but not by the district ‘${apart.entry}’, as no request can be in both.`
      : "",
  ].filter(Boolean);
  const leftOut = sentences.length ? sentences.join(" ") : null;
  return { errors, typed, kept, leftOut, notes };
}
