// UK postcodes: the outward code ("GU1" of "GU1 3UW") is what areas, districts and eligibility are matched on.

/** "GU1 3UW" → "GU1"; "gu13uw" → "GU1"; an outward code alone is returned as it is. */
export function outwardCode(postcode: string | null | undefined) {
  const compact = (postcode ?? "").toUpperCase().replace(/\s+/g, "");
  if (!compact) return null;
  return compact.length > 4 ? compact.slice(0, -3) : compact;
}

/**
 * The postcode areas more than one of a council's districts list, each with the districts' names in the order given.
 * Decision 040 refuses a new overlap, but districts saved before it may still share an area (its requests file under
 * whichever district sorts first), and the districts page warns of them.
 */
export function sharedPostcodeAreas(
  districts: readonly { name: string; postcodeAreas: readonly string[] }[],
): { area: string; districts: string[] }[] {
  const holders = new Map<string, string[]>();
  for (const district of districts)
    for (const area of new Set(district.postcodeAreas)) {
      const names = holders.get(area) ?? [];
      names.push(district.name);
      holders.set(area, names);
    }
  return [...holders]
    .filter(([, names]) => names.length > 1)
    .map(([area, names]) => ({ area, districts: names }))
    .sort((a, b) => a.area.localeCompare(b.area, "en-GB", { numeric: true }));
}
