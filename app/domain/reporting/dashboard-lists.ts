// The lists behind the council dashboard's figures, by name, as the pages' addresses give them. The pages' browser
// code reads these too (a page's links to the other lists, its filters), so no server imports here: a value taken
// from a .server module is undefined in the browser, and the page's JavaScript threw on it
// (tests/e2e/helpers.ts fails any page whose JavaScript throws).

// "pledged": opened since the day and pledged to at least once, the requests behind the median time to first pledge
export const ACTIVITY_VIEWS = ["opened", "fulfilled", "expired", "pledged"] as const;
export type ActivityView = (typeof ACTIVITY_VIEWS)[number];

export const PLEDGE_VIEWS = ["pledged", "confirmed"] as const;
export type PledgeView = (typeof PLEDGE_VIEWS)[number];

// The buckets of a quarter's returns (see returnCompliance in dashboard-council.server.ts, whose SQL gives each its
// conditions); the returns list filtered to a bucket uses the same conditions.
export const COMPLIANCE_BUCKETS = ["on-time", "late", "overdue", "not-yet-due", "counted"] as const;
export type ComplianceBucket = (typeof COMPLIANCE_BUCKETS)[number];
