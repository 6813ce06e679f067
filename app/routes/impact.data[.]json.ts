import { json } from "@remix-run/node";
import { impactOpenData, OPEN_DATA_FIELDS, OPEN_DATA_HEADERS } from "~/domain/reporting/impact.server.ts";

// Open data: public, no sign-in, no personal data; the field list travels with the data.
export async function loader() {
  const { value: rows, computedAt } = await impactOpenData();
  return json(
    {
      title: "Confirmed social value delivered through the Social Value Marketplace",
      description:
        "Pledges that requestors confirmed as received, totalled by council, category, district and help type.",
      // when these figures were worked out (they are shared for a minute), not when they were sent
      generatedAt: computedAt.toISOString(),
      licence: "Open Government Licence v3.0",
      fields: OPEN_DATA_FIELDS,
      records: rows.map((row) => Object.fromEntries(OPEN_DATA_FIELDS.map((f) => [f.name, row[f.name]]))),
    },
    {
      headers: { "Content-Disposition": 'inline; filename="social-value-impact.json"', ...OPEN_DATA_HEADERS },
    },
  );
}
