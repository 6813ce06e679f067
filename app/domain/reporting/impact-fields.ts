// The open-data fields of the impact download, documented on /impact. Safe for browser code.
import type { HelpType } from "~/generated/prisma/enums.ts";

export type ImpactRow = {
  councilId: string;
  council: string;
  category: string;
  district: string; // "Remote or not given" when the request had no district
  helpType: HelpType;
  unit: string;
  confirmedPledges: number;
  quantity: number;
};

// Documented in the open-data download section of /impact and in the JSON's "fields".
export const OPEN_DATA_FIELDS: { name: keyof ImpactRow; description: string }[] = [
  { name: "council", description: "The council the need was posted for" },
  { name: "category", description: "The council's needs-and-priorities category of the request" },
  { name: "district", description: "The district of the request, or “Remote or not given”" },
  { name: "helpType", description: "VOLUNTEERING, GOODS, EXPERTISE, FUNDING or WORK_PLACEMENT" },
  { name: "unit", description: "What quantity counts: hours, items, £ or places" },
  { name: "confirmedPledges", description: "Number of pledges the requestor confirmed as received" },
  { name: "quantity", description: "Total delivered quantity of those pledges, in the unit" },
];

/** Open data may be read by any website's scripts (a council's own data portal, a charity's map): it holds no
 * personal data and needs no sign-in, so browsers are told to let them. */
export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*" };
