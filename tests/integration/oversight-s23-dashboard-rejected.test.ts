// A supplier or group the council rejected landed on a dashboard saying the council had "not verified" it "yet",
// and a group that its requests would be "published once you are verified": as if still waiting, though a
// rejection is final. The dashboard now says it was not verified, what that stops, and links to the reason.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createMember, createOrganisation, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

const REASON = "We could not find this organisation on the Charity Commission register.";

let councilId: string;

beforeAll(async () => {
  councilId = (await createCouncil()).id;
});

async function rejected(kind: "SUPPLIER" | "VCSE") {
  const organisation = await createOrganisation({ kind, councilId, status: "REJECTED" });
  await db.organisation.update({
    where: { id: organisation.id },
    data: { rejectionReason: REASON },
  });
  const cookie = await sessionCookieFor((await createMember(organisation.id, "MEMBER")).id);
  const response = await renderPage("/dashboard", cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { organisation, cookie, html, text: readableText(html) };
}

describe("the dashboard of an organisation the council rejected", () => {
  it("tells a supplier it was not verified and cannot pledge, not that it is waiting", async () => {
    const { organisation, cookie, html, text } = await rejected("SUPPLIER");
    expect(text).toContain("The council did not verify your organisation, so it cannot pledge to requests.");
    expect(text).not.toContain("not verified your organisation yet");
    expect(html).toContain(`href="/organisations/${organisation.id}"`);
    // where the link leads, a member reads the reason
    const page = await renderPage(`/organisations/${organisation.id}`, cookie);
    expect(page.status).toBe(200);
    expect(readableText(await page.text())).toContain(REASON);
  });

  it("tells a group its requests cannot be published, not that they will be once it is verified", async () => {
    const { organisation, html, text } = await rejected("VCSE");
    expect(text).toContain(
      "The council did not verify your group, so its requests cannot be submitted for approval or published.",
    );
    expect(text).not.toContain("published once you are verified");
    expect(html).toContain(`href="/organisations/${organisation.id}"`);
  });

  it("still tells an organisation waiting for verification that it is waiting", async () => {
    const organisation = await createOrganisation({ kind: "VCSE", councilId, status: "PENDING" });
    const cookie = await sessionCookieFor((await createMember(organisation.id, "OWNER")).id);
    const text = readableText(await (await renderPage("/dashboard", cookie)).text());
    expect(text).toContain("The council has not verified your group yet.");
    // each request still goes to the council to approve: verification alone publishes nothing
    expect(text).toContain("submit them for the council to approve once it has verified you");
    expect(text).not.toContain("See the reason the council gave");
  });
});

describe("the page of a group waiting for verification", () => {
  it("says its requests go to the council to approve once verified, not that verifying publishes them", async () => {
    const organisation = await createOrganisation({ kind: "VCSE", councilId, status: "PENDING" });
    const cookie = await sessionCookieFor((await createMember(organisation.id, "OWNER")).id);
    const text = readableText(await (await renderPage(`/organisations/${organisation.id}`, cookie)).text());
    expect(text).toContain("submit them for the council to approve once it has verified you");
    expect(text).not.toContain("published once");
  });
});
