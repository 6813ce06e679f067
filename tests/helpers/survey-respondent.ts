// A business answering a council's survey through its pages, as the respondent's journey tests drive it.
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import { expect } from "vitest";
import type { VerificationStatus } from "~/generated/prisma/enums.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "./factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "./render-page.ts";
import { callAction } from "./routes.ts";

// a council of its own (in its postcode areas unless given others), its 2026 survey and a business in its area
export async function freshCycle(settings: { postcodeAreas?: string[] } = {}) {
  const council = await createCouncil(settings);
  const cycleId = (await createSurveyCycle({ councilId: council.id, year: 2026 })).id;
  const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  return { council, cycleId, business };
}

// "I agree" on the survey's first page
export const consent = (cycleId: string, cookie: string) =>
  callAction(explainer.action, {
    path: `/survey/${cycleId}`,
    params: { cycleId },
    cookie,
    form: { consent: "yes" },
  });

export const answer = (
  cycleId: string,
  cookie: string,
  topic: string,
  form: Record<string, string | string[]>,
) =>
  callAction(question.action, {
    path: `/survey/${cycleId}/questions/${topic}`,
    params: { cycleId, topic },
    cookie,
    form,
  });

// "Send" on check your answers
export const send = (cycleId: string, cookie: string) =>
  callAction(checkAnswers.action, {
    path: `/survey/${cycleId}/check-answers`,
    params: { cycleId },
    cookie,
    form: {},
  });

// The same journey through the rendered pages, as a browser without JavaScript goes through them.

// A small business at a postcode in a council's area (`area`, an outward code no other test uses), with an owner
// signed in: one the council's surveys are open to. `status` PENDING for a business still waiting to be verified.
export async function smeOwnerInArea(area: string, settings: { status?: VerificationStatus } = {}) {
  const council = await createCouncil({ postcodeAreas: [area] });
  const business = await createOrganisation({
    kind: "SUPPLIER",
    councilId: council.id,
    registeredPostcode: `${area} 1AA`,
    businessSize: "SMALL",
    status: settings.status,
  });
  const owner = await createMember(business.id, "OWNER");
  return { council, business, owner, cookie: await sessionCookieFor(owner.id) };
}

// That business, its council's 2026 survey and the survey's pages as the owner sees them; `consented`, past the
// survey's first page with "I agree".
export async function respondentInArea(
  area: string,
  settings: { status?: VerificationStatus; consented?: boolean } = {},
) {
  const { council, business, owner, cookie } = await smeOwnerInArea(area, settings);
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
  const pages = surveyPages(`/survey/${cycle.id}`, cookie);
  if (settings.consented) expect((await pages.post("", { consent: "yes" })).status).toBe(302);
  return { council, cycle, business, owner, cookie, ...pages };
}

export const locationOf = (response: Response) => response.headers.get("location");

// The address of a page's Back link
export const backLinkOf = (html: string) =>
  html.match(/<a[^>]*href="([^"]*)"[^>]*>Back<\/a>/)?.[1]?.replaceAll("&amp;", "&");

// One person's survey pages, by their path below the survey's (`base`, "/survey/<cycle id>"): a form posted to one
// (a question page in turn, check your answers' Send, ...), and one shown, as the browser shows it.
export function surveyPages(base: string, cookie: string) {
  return {
    base,
    post: (path: string, values: Record<string, string>) =>
      postPage(`${base}${path}`, formOf(values), cookie),
    /** A page shown (200): its Back link, the address its form posts to, its words. */
    page: async (path: string) => {
      const response = await renderPage(`${base}${path}`, cookie);
      expect(response.status).toBe(200);
      const html = await response.text();
      return {
        html,
        back: backLinkOf(html),
        formAction: html
          .match(/<form method="post" action="([^"]*)"[^>]*novalidate/)?.[1]
          ?.replaceAll("&amp;", "&"),
        text: readableMainText(html),
      };
    },
  };
}

export type SurveyPages = ReturnType<typeof surveyPages>;
