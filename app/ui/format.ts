// The pages' display formats: one implementation, in the domain (emails and jobs use it too).
export { formatDate, formatDateTime, formatGbp, formatNumber, isoDate } from "~/domain/format.ts";
