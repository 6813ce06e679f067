// A session cookie that no longer names a session (signed out elsewhere, expired, its account deleted) was never
// cleared: the browser sent it, and the portal looked it up, with every request until it expired after 30 days.
// Lucia's guide clears it; any page now does.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

function clearsSession(response: Response) {
  return response.headers.getSetCookie().some((c) => /^svm_session=;/.test(c) && /Max-Age=0/i.test(c));
}

describe("a page opened with a session cookie", () => {
  it("clears one that names no session", async () => {
    const response = await renderPage("/", "svm_session=nosuchsession.secretsecret");
    expect(response.status).toBe(200);
    expect(clearsSession(response)).toBe(true);
  });

  it("clears one whose session has ended", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    await db.session.deleteMany({ where: { userId: user.id } });
    expect(clearsSession(await renderPage("/requests", cookie))).toBe(true);
  });

  it("keeps one that is a session, and sets none without one", async () => {
    const user = await createUser();
    expect(clearsSession(await renderPage("/", await sessionCookieFor(user.id)))).toBe(false);
    expect((await renderPage("/")).headers.getSetCookie()).toEqual([]);
  });
});
