// UK postcodes: the outward code ("GU1" of "GU1 3UW") is what areas, districts and eligibility are matched on.

/** "GU1 3UW" → "GU1"; "gu13uw" → "GU1"; an outward code alone is returned as it is. */
export function outwardCode(postcode: string | null | undefined) {
  const compact = (postcode ?? "").toUpperCase().replace(/\s+/g, "");
  if (!compact) return null;
  return compact.length > 4 ? compact.slice(0, -3) : compact;
}
