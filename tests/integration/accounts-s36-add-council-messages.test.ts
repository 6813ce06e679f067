// "Add council" sent with its fields left empty: the fields are "Council name" and "Email of the council's first
// admin", but the errors asked for "the organisation's name" and "your email address" (the platform admin's own?).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { action as adminCouncilsAction } from "~/routes/admin.councils.tsx";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const platformAdmin = await createUser({ isPlatformAdmin: true });

describe("adding a council with nothing entered", () => {
  it("asks for the council's name and its first admin's email address", async () => {
    const answer = await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie: await sessionCookieFor(platformAdmin.id),
      form: { intent: "create-council", name: "", partnershipId: "", adminEmail: "" },
    });
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain("Enter the council's name");
    expect(body).toContain("Enter the email address of the council's first admin");
    expect(body).not.toContain("Enter the organisation's name");
    expect(body).not.toContain("Enter your email address");
  });

  it("tells a one-letter name it is too short, as a council's name", async () => {
    const answer = await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie: await sessionCookieFor(platformAdmin.id),
      form: {
        intent: "create-council",
        name: "N",
        partnershipId: "",
        adminEmail: "first.admin@example.test",
      },
    });
    expect(await answer.text()).toContain("Council name must be 3 characters or more");
  });
});
