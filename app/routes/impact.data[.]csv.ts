import { impactOpenData, OPEN_DATA_FIELDS, OPEN_DATA_HEADERS } from "~/domain/reporting/impact.server.ts";
import { csvResponse } from "~/server/csv-response.server.ts";

// Open data: public, no sign-in, no personal data.
export async function loader() {
  const { value: rows } = await impactOpenData();
  return csvResponse(
    "social-value-impact.csv",
    OPEN_DATA_FIELDS.map((f) => ({ key: f.name, header: f.name })),
    rows,
    (row) => Object.fromEntries(OPEN_DATA_FIELDS.map((f) => [f.name, row[f.name]])),
    OPEN_DATA_HEADERS,
  );
}
