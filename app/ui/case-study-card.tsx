// A fulfilled request shown as a case study (its requestor agreed), as the impact page and each council's case
// studies page show it: only what the request's own public page shows.
import { formatQuantity, helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { formatDate } from "./format.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";

export type CaseStudy = {
  title: string;
  description: string;
  helpType: HelpType;
  quantity: number;
  unitLabel: string | null;
  fulfilledAt: string | null;
};

/** "Volunteering: 12 hours, met 3 October 2026", "Goods: 40 coats": the type first, as "40 coats of goods" or
 * "3 places of work placements and training" read badly. */
export function helpGiven(story: CaseStudy) {
  const given = `${helpTypeLabel(story.helpType)}: ${formatQuantity(story.helpType, story.quantity, story.unitLabel)}`;
  return story.fulfilledAt ? `${given}, met ${formatDate(story.fulfilledAt)}` : given;
}

export function CaseStudyCard({ story, from }: { story: CaseStudy; from: string }) {
  return (
    <li className="border-t-4 border-brand pt-3 wrap-break-word">
      <h3 className="mb-1 text-xl font-bold">{story.title}</h3>
      <p className="mb-2 text-muted">{from}</p>
      {/* its lines as the requestor wrote them, as the request's own page shows them */}
      <p className="mb-2 whitespace-pre-line">{story.description}</p>
      <p>{helpGiven(story)}</p>
    </li>
  );
}
