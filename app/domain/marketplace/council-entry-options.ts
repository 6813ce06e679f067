// A council's categories or districts as a select offers them (the request form, the public list's filters): each by
// its name, then, where the instance has more than one council, its council's name in brackets, as two councils may
// each have a "Guildford" or an "Employment and skills".
export function councilEntryOptions<C extends { name: string }, E extends { id: string; name: string }>(
  councils: readonly C[],
  entriesOf: (council: C) => readonly E[],
  { withCouncil, nameOf = (entry) => entry.name }: { withCouncil: boolean; nameOf?: (entry: E) => string },
) {
  return councils.flatMap((c) =>
    entriesOf(c).map((entry) => {
      const name = nameOf(entry);
      return { value: entry.id, label: withCouncil ? `${name} (${c.name})` : name };
    }),
  );
}

/** How the public pages mark a category or district its council no longer uses, offered while a filter names it. */
export const NO_LONGER_USED = "(no longer used)";

/** A category's or district's name on the public pages: marked when its council no longer uses it. */
// generic, so that councilEntryOptions given it as nameOf still infers its entries' type from the lists
export function publicEntryName<E extends { name: string; retired: boolean }>(entry: E) {
  return entry.retired ? `${entry.name} ${NO_LONGER_USED}` : entry.name;
}
