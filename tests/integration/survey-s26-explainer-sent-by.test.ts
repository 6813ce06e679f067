// The survey's first page told a business owner "You sent your answers on …" when a colleague had sent them: an
// owner sees, changes and withdraws a colleague's answers, so the page is theirs too, but it was not they who sent
// them. It now says a colleague sent the business's answers; whoever sent them is still told they did. The date is
// the last send's, so a colleague who sent them first is told a colleague sent them once the owner sends a change.
import { describe, expect, it } from "vitest";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

describe("the survey's first page once the answers are sent", () => {
  it("tells an owner that a colleague sent the business's answers", async () => {
    const { cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);
    await consent(cycleId, colleague);
    await answer(cycleId, colleague, "age", { age: "35_49" });
    await send(cycleId, colleague);
    const page = async (cookie: string) => {
      const response = await renderPage(`/survey/${cycleId}`, cookie);
      expect(response.status).toBe(200);
      return readableText(await response.text()).replaceAll("&#x27;", "'");
    };

    const owners = await page(owner);
    expect(owners).not.toContain("You sent your answers");
    expect(owners).toMatch(/A colleague sent your business's answers on \d+ \w+ \d{4}\. You can see, change/);
    expect(owners).toContain("Withdraw your answers");
    expect(await page(colleague)).toMatch(/You sent your answers on \d+ \w+ \d{4}\./);

    // once the owner sends a change, the owner sent them too
    await answer(cycleId, owner, "age", { age: "50_64" });
    await send(cycleId, owner);
    expect(await page(owner)).toMatch(/You sent your answers on \d+ \w+ \d{4}\./);
    // and the colleague, shown the date of the owner's send, is told it was a colleague's
    const colleagues = await page(colleague);
    expect(colleagues).not.toContain("You sent your answers");
    expect(colleagues).toMatch(/A colleague sent your business's answers on \d+ \w+ \d{4}\./);
  });
});
