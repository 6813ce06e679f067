// Where a figure links to the records behind it: only pages that exist are listed.
export const links = {
  contracts: "/contracts",
  contract: (id: string) => `/contracts/${id}`,
  measure: (id: string) => `/council/measures/${id}`,
  returns: "/returns",
  overdueReturns: "/returns?queue=overdue",
  pledges: "/pledges",
  myRequests: "/my-requests",
};
