// A form sent back with an error keeps what was typed and ticked. The pages are rendered to HTML from what
// their real loader and action answered (Remix's hooks stand in for the router).
import type { ComponentType } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

async function render(Component: ComponentType, loaderResponse: Response, actionResponse: Response) {
  pageData.loaderData = await loaderResponse.json();
  pageData.actionData = await actionResponse.json();
  return renderComponent(Component);
}

let world: Awaited<ReturnType<typeof createWorld>>;
let cycleId: string;

beforeAll(async () => {
  world = await createWorld();
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
});

describe("forms sent back with an error", () => {
  it("keeps the email typed into 'Invite any business by email'", async () => {
    const cookie = await sessionCookieFor(
      (await createMember(world.councilA.id, "OFFICER", { surveyAccess: true })).id,
    );
    const args = { path: `/council/survey/${cycleId}`, params: { cycleId }, cookie };
    const sent = await callAction(cyclePage.action, {
      ...args,
      form: { intent: "invite-email", email: "owner@@typo.example" },
    });
    expect(sent.status).toBe(400);
    const html = await render(cyclePage.default, await callLoader(cyclePage.loader, args), sent);
    expect(html).toMatch(/<input[^>]*name="email"[^>]*value="owner@@typo.example"/);
  });

  it("keeps 'Prefer not to say' ticked on 'What the council could do'", async () => {
    const cookie = await sessionCookieFor(world.users.supplierOwner.id);
    await callAction(explainer.action, {
      path: `/survey/${cycleId}`,
      params: { cycleId },
      cookie,
      form: { consent: "yes" },
    });
    const args = {
      path: `/survey/${cycleId}/questions/council-could-do`,
      params: { cycleId, topic: "council-could-do" },
      cookie,
    };
    const sent = await callAction(question.action, {
      ...args,
      form: { councilCouldDo: "Smaller lots", councilCouldDoPreferNot: "PREFER_NOT_TO_SAY" },
    });
    expect(sent.status).toBe(400);
    const html = await render(question.default, await callLoader(question.loader, args), sent);
    expect(html).toMatch(/<input[^>]*name="councilCouldDoPreferNot"[^>]*checked=""/);
    expect(html).toContain("Smaller lots</textarea>");
  });
});
