// The pages' display formats: one implementation, in the domain (emails and jobs use it too).
export {
  capitalise,
  countOf,
  formatDate,
  formatDateTime,
  formatDateTimeToSecond,
  formatGbp,
  formatNumber,
  isoDate,
  listInWords,
  plural,
} from "~/domain/format.ts";
