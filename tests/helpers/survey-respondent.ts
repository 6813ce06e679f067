// A business answering a council's survey through its pages, as the respondent's journey tests drive it.
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import { createCouncil, createOrganisation, createSurveyCycle } from "./factories.ts";
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
