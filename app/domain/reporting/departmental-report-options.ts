// Shared by the report page (browser) and the report query (server).
export const ALL_DEPARTMENTS = "all";
