// The page number of a paginated list's address (?page=), one rule for every list. No server imports: the lists'
// filter schemas read it too.
import { z } from "zod";

// Far past the last page of any list, and an offset the database always accepts: a larger number is read as this,
// which is past the end as surely as the number asked for.
export const MAX_PAGE = 1_000_000;

/**
 * The page asked for: a whole number written in digits, 1 when there is none or it is not one ("abc", "0", "-2",
 * "2.5", "3abc", "1e3"), and at most MAX_PAGE. A page past the last is kept as asked: the list says there is no
 * such page and links to the last one (app/ui/past-last-page.tsx), never an empty list or another page unsaid.
 */
export function readPageNumber(value: unknown): number {
  const text = typeof value === "string" ? value.trim() : "";
  if (!/^\d+$/.test(text)) return 1;
  const page = Number(text);
  return page < 1 ? 1 : Math.min(page, MAX_PAGE);
}

/** The `page` of a list's filter schema: never an error, whatever the address says, and 1 when it has none. */
export const pageNumberField = z.preprocess(readPageNumber, z.number());

/** The rows of page `page` of a list `size` to a page: Prisma's skip and take, or SQL's OFFSET and LIMIT. */
export function pageWindow(page: number, size: number) {
  return { skip: (page - 1) * size, take: size };
}

/** How many pages a list of `total`, `size` to a page, has: at least 1, as an empty list is shown on one page. */
export function pageCountOf(total: number, size: number) {
  return Math.max(1, Math.ceil(total / size));
}
