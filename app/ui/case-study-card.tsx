// A fulfilled request shown as a case study (its requestor agreed), as the impact page and each council's case
// studies page show it: only what the request's own public page shows. The line saying the help it was given
// comes from the loader (caseStudy in request-card.server.ts), so the pages do not ship the pluralize library.
export type CaseStudy = {
  title: string;
  description: string;
  /** "Volunteering: 12 hours, met 3 October 2026", "Goods: 40 coats" */
  helpGiven: string;
};

export function CaseStudyCard({ story, from }: { story: CaseStudy; from: string }) {
  return (
    <li className="border-t-4 border-brand pt-3 wrap-break-word">
      <h3 className="mb-1 text-xl font-bold">{story.title}</h3>
      <p className="mb-2 text-muted">{from}</p>
      {/* its lines as the requestor wrote them, as the request's own page shows them */}
      <p className="mb-2 whitespace-pre-line">{story.description}</p>
      <p>{story.helpGiven}</p>
    </li>
  );
}
