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
