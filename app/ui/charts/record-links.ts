// A link to a council's page or list that names the council it is for (`council=<id>`), so someone working for
// several councils (a partnership, or a council and a supplier) lands on that council's records whichever one the
// header switcher is on. Adds to the link's own query if it has one.
export function withCouncil(href: string, councilId: string) {
  const [path, hash] = href.split("#", 2);
  const council = `council=${encodeURIComponent(councilId)}`;
  return `${path}${path!.includes("?") ? "&" : "?"}${council}${hash === undefined ? "" : `#${hash}`}`;
}

/**
 * `href` naming the council when the page it leads from was opened for a council its address named (`named`), or
 * for one other than the switcher's; else as it is, so pages reached the usual way keep their plain addresses.
 */
export function keepCouncil(href: string, councilId: string, named: boolean) {
  return named ? withCouncil(href, councilId) : href;
}

// Where a figure links to the records behind it: only pages that exist are listed.
export const links = {
  contracts: "/contracts",
  awardedContracts: (since: string, commitments?: "yes" | "no") =>
    `/contracts?awardedSince=${since.slice(0, 10)}${commitments ? `&commitments=${commitments}` : ""}`,
  contractsWithoutAwardDate: "/contracts?awardDate=none",
  // the contracts behind the local £ figures: awarded ones, as the figures leave the pipeline out (decision 033)
  localValueContracts: "/contracts?localValue=yes&awarded=yes",
  // the commitments behind a financial year's local £ planned or delivered
  localValueYear: (financialYear: number, view: "planned" | "delivered") =>
    `/council/reports/local-value?year=${financialYear}&view=${view}`,
  contract: (id: string) => `/contracts/${id}`,
  // the awarded contracts with a commitment on the measure, as the measure's figures count (decision 033)
  measureContracts: (id: string) => `/contracts?measure=${id}&awarded=yes`,
  returns: "/returns",
  overdueReturns: "/returns?queue=overdue",
  overdueReturnsFor: (narrow: { financialYear?: number; quarter?: number; contractId?: string }) =>
    `/returns?queue=overdue${narrow.quarter ? `&quarter=${narrow.financialYear}-Q${narrow.quarter}` : ""}${narrow.contractId ? `&contract=${narrow.contractId}` : ""}`,
  // the returns behind one of a quarter's compliance figures
  complianceReturns: (
    q: { financialYear: number; quarter: number },
    bucket: "on-time" | "late" | "overdue" | "not-yet-due" | "counted",
  ) => `/returns?queue=all&quarter=${q.financialYear}-Q${q.quarter}&compliance=${bucket}`,
  pledges: "/pledges",
  activityRequests: (view: "opened" | "fulfilled" | "expired" | "pledged", since: string) =>
    `/council/requests?view=${view}&since=${since.slice(0, 10)}`,
  // the pledges behind "pledged and confirmed, by type of help"
  activityPledges: (view: "pledged" | "confirmed", helpType: string, since: string) =>
    `/council/pledges?view=${view}&helpType=${helpType}&since=${since.slice(0, 10)}`,
  myRequests: "/my-requests",
};
