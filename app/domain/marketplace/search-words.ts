// What a set of /requests filters matches, in words: a saved search is told apart from another by what it finds,
// not only by its name. No server imports: the saved searches page words it from the names its loader read.
import type { HelpType } from "~/generated/prisma/enums.ts";
import { formatDate } from "~/domain/format.ts";
import { publicEntryName } from "./council-entry-options.ts";
import { helpTypeLabel } from "./help-types.ts";

type Named = { name: string; retired: boolean } | undefined;

export type FiltersToDescribe = {
  q?: string;
  helpType?: HelpType;
  remote?: "1";
  closingBefore?: string;
  // the names of the entries the filters name (those naming nothing are said apart, as not found)
  council?: string;
  category?: Named;
  district?: Named;
};

/** Each filter as a label and its value, in the order the /requests form asks for them; none: every open request. */
export function filtersInWords(filters: FiltersToDescribe): { label: string; value: string }[] {
  const named = (entry: Named) => (entry ? publicEntryName(entry) : undefined);
  const words = [
    { label: "Search words", value: filters.q?.trim() ? `“${filters.q.trim()}”` : undefined },
    { label: "Council", value: filters.council },
    { label: "Category", value: named(filters.category) },
    { label: "Type of help", value: filters.helpType ? helpTypeLabel(filters.helpType) : undefined },
    { label: "District", value: named(filters.district) },
    { label: "Remote", value: filters.remote === "1" ? "Can be done remotely" : undefined },
    {
      label: "Closing on or before",
      value: filters.closingBefore ? formatDate(filters.closingBefore) : undefined,
    },
  ];
  return words.filter((w): w is { label: string; value: string } => w.value !== undefined);
}
