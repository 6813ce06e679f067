// Who may use the survey pages: respondents (members of a supplier the cycle is open to) and council
// officers with the survey role. The council's other members are told who can give them it (403); anything else
// answers 404, so records' existence is not revealed.
import { redirect } from "@remix-run/node";
import { parse } from "cookie";
import { db } from "~/db.server.ts";
import { getCycle } from "~/domain/survey/cycles.server.ts";
import { cycleForRespondent } from "~/domain/survey/eligibility.server.ts";
import { surveyMemberships } from "~/domain/survey/officers.ts";
import { asksForPage } from "./download-refusal.server.ts";
import {
  forbidden,
  notFound,
  ORGANISATION_COOKIE,
  refuseOwnCouncil,
  requireMembership,
  requireViewer,
  type Refusal,
} from "./permissions.server.ts";

export async function requireRespondent(request: Request, cycleId: string) {
  const { viewer, membership } = await requireMembership(request, {
    kinds: ["SUPPLIER"],
    roles: ["OWNER", "MEMBER"],
  });
  const cycle = await cycleForRespondent(cycleId, membership.organisationId);
  if (!cycle) notFound();
  return { viewer, membership, cycle };
}

const SURVEY_DOING = "run the supplier diversity survey";

// The council whose survey the officer is working on. A page opened for a council its address names
// (`council=<id>`: the survey list's "Open a new survey" link, and the new survey's form, which is sent to its page's
// address) acts for that council, for its officers with survey access only: one of its members without it is told who
// can give it (403), anyone else gets 404, never another council's survey (decision 027). Without it, the one a
// posted form's page was shown for, else the one chosen in the header switcher if it fits; a form shown for a council
// the person no longer works for acts for none (403), as every other form does.
export async function requireSurveyOfficer(request: Request) {
  const viewer = await requireViewer(request);
  const candidates = surveyMemberships(viewer.memberships);
  const named = new URL(request.url).searchParams.get("council") || undefined;
  if (named) {
    const membership = candidates.find((m) => m.organisationId === named);
    if (!membership) await refuseOwnCouncil(request, named, SURVEY_DOING, "survey");
    if (!membership) notFound();
    return { viewer, membership, named: true };
  }
  if (viewer.shownFor && !viewer.memberships.some((m) => m.organisationId === viewer.shownFor)) forbidden();
  const chosen = parse(request.headers.get("cookie") ?? "")[ORGANISATION_COOKIE];
  const membership =
    candidates.find((m) => m.organisationId === viewer.shownFor) ??
    candidates.find((m) => m.organisationId === chosen) ??
    candidates[0];
  // the council's members without survey access are told who can give it (403), anyone else gets 404
  if (!membership) await refuseOwnCouncil(request, undefined, SURVEY_DOING, "survey");
  if (!membership) notFound();
  return { viewer, membership, named: false };
}

export async function requireSurveyCycle(request: Request, cycleId: string) {
  const viewer = await requireViewer(request);
  const owner = await db.surveyCycle.findUnique({ where: { id: cycleId }, select: { councilId: true } });
  const membership = owner
    ? surveyMemberships(viewer.memberships).find((m) => m.organisationId === owner.councilId)
    : undefined;
  if (owner && !membership) await refuseOwnCouncil(request, owner.councilId, SURVEY_DOING, "survey");
  if (!owner || !membership) notFound();
  const cycle = await getCycle(owner.councilId, cycleId);
  if (!cycle) notFound();
  return { viewer, membership, cycle };
}

// The same check for a download (a resource route, where no error page renders). The council's member without survey
// access who followed the link (their browser asks for a page) is sent to the cycle's report page, which makes the
// same check and refuses in the portal's own layout, saying what is needed and who can give it; a program asking for
// the file alone is told the same as plain text, instead of the refusal's raw JSON. Both depend on the Accept header
// (Vary: Accept), as downloadRefusedToPage's 404s do.
export async function requireSurveyCycleDownload(request: Request, cycleId: string) {
  try {
    return await requireSurveyCycle(request, cycleId);
  } catch (error) {
    if (!(error instanceof Response) || error.status !== 403) throw error;
    if (asksForPage(request.headers.get("accept")))
      throw redirect(`/council/survey/${encodeURIComponent(cycleId)}/report`, {
        status: 303,
        headers: { Vary: "Accept", "Cache-Control": "no-store" },
      });
    const { refused } = (await error.json()) as Refusal;
    throw new Response(`${refused.title}.\n\n${refused.body}\n`, {
      status: 403,
      statusText: "Forbidden",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Vary: "Accept" },
    });
  }
}
