// A council's case studies page (PRODUCT.md §7: guidance "how it works", "what good looks like", case studies):
// every council has one, whether or not its admins wrote a guidance page for it. It lists the council's fulfilled
// requests whose requestor agreed to show them (as the public impact page does), under the council's own page with
// the address name "case-studies" as its introduction when there is one, published.
import { db, type Prisma } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { NAMED_COUNCIL } from "~/domain/named-councils.ts";
import { brandingOf, councilBrandSelect } from "./branding.server.ts";
import { CASE_STUDIES_SLUG, getPublishedGuidance } from "./guidance.server.ts";

/** The title the page takes when the council has written none. */
export const CASE_STUDIES_TITLE = "Case studies";

/** How many case studies the page shows at a time. */
export const CASE_STUDIES_PAGE_SIZE = 20;

// The requests a case study may show: fulfilled (every pledge's delivery confirmed), its requestor agreeing.
const shown = (councilId?: string) => ({ councilId, status: "FULFILLED" as const, showcaseConsent: true });

// Newest met first; the id settles ties, so no case study is on two pages or none.
const NEWEST_FIRST = [
  { fulfilledAt: { sort: "desc", nulls: "last" } },
  { updatedAt: "desc" },
  { id: "asc" },
] satisfies Prisma.RequestOrderByWithRelationInput[];

// only what the public request page already shows
const CASE_STUDY = {
  id: true,
  title: true,
  description: true,
  helpType: true,
  quantity: true,
  unitLabel: true,
  fulfilledAt: true,
  council: { select: { name: true } },
  organisation: { select: { name: true } },
  category: { select: { name: true } },
  district: { select: { name: true } },
} satisfies Prisma.RequestSelect;

/** The latest case studies of every council, for the public impact page. */
export function latestCaseStudies(limit = 12) {
  return db.request.findMany({ where: shown(), orderBy: NEWEST_FIRST, take: limit, select: CASE_STUDY });
}

/** A council's case studies page, one page of its case studies at a time (null: no such council taking part). */
export async function councilCaseStudies(councilId: string, page: number) {
  // the councils the public lists name: a council not yet verified (or not a council) has no page
  const council = await db.organisation.findFirst({
    where: { id: councilId, ...NAMED_COUNCIL },
    select: { id: true, ...councilBrandSelect },
  });
  if (!council) return null;
  const window = pageWindow(page, CASE_STUDIES_PAGE_SIZE);
  const [intro, total, stories] = await Promise.all([
    getPublishedGuidance(council.id, CASE_STUDIES_SLUG),
    db.request.count({ where: shown(council.id) }),
    db.request.findMany({
      where: shown(council.id),
      orderBy: NEWEST_FIRST,
      ...window,
      select: CASE_STUDY,
    }),
  ]);
  return {
    council: { id: council.id, name: council.name },
    // the header names the council whose page it is, for everyone
    branding: brandingOf(council),
    intro: intro ? { title: intro.title, html: intro.html, updatedAt: intro.updatedAt } : null,
    total,
    pageCount: pageCountOf(total, CASE_STUDIES_PAGE_SIZE),
    // the place of the page's first case study in the whole list ("Case studies 21 to 40 of 45")
    first: window.skip + 1,
    stories,
  };
}

/** The councils, of those given, that have published their own introduction to their case studies: the guidance
 * list names it among their pages, under its title, and names the others' case studies pages itself. */
export async function councilsWithCaseStudiesIntro(councilIds: string[]) {
  const own = await db.guidancePage.findMany({
    where: { councilId: { in: councilIds }, slug: CASE_STUDIES_SLUG, published: true },
    select: { councilId: true },
  });
  return new Set(own.map((page) => page.councilId));
}
