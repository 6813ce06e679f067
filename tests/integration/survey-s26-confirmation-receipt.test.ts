// The "Answers sent" page told a business owner "We emailed you a receipt when your answers were sent" when a
// colleague had sent them and got the receipt: an owner can see and change a colleague's answers, and pressing
// "Send changed answers" with nothing changed (or following the link) brings them here, though no email came. The
// page now says a colleague sent them and was emailed the receipt; whoever sent them is still told a receipt came.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

const YOU_GOT_IT = "We emailed you a receipt when your answers were sent";
const COLLEAGUE_GOT_IT = "A colleague sent your business's answers and was emailed a receipt";

describe("the 'Answers sent' page's receipt", () => {
  it("tells an owner who did not send the answers that the colleague who did got the receipt", async () => {
    const { cycleId, business } = await freshCycle();
    const ownerUser = await createMember(business.id, "OWNER");
    const owner = await sessionCookieFor(ownerUser.id);
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);
    await consent(cycleId, colleague);
    await answer(cycleId, colleague, "age", { age: "35_49" });
    expect((await send(cycleId, colleague)).status).toBe(302);
    const page = async (cookie: string) => {
      const response = await renderPage(`/survey/${cycleId}/confirmation`, cookie);
      expect(response.status).toBe(200);
      return readableText(await response.text()).replaceAll("&#x27;", "'");
    };

    // the owner presses "Send changed answers" with nothing changed: no email, and the confirmation page
    const again = await send(cycleId, owner);
    expect(again.headers.get("location")).toBe(`/survey/${cycleId}/confirmation`);
    expect(await db.emailOutbox.count({ where: { template: "survey-submitted", to: ownerUser.email } })).toBe(
      0,
    );
    const owners = await page(owner);
    expect(owners).not.toContain(YOU_GOT_IT);
    expect(owners).toContain(COLLEAGUE_GOT_IT);
    // the owner may still change or withdraw them
    expect(owners).toContain("You can see or change your answers or withdraw them until");
    expect(await page(colleague)).toContain(YOU_GOT_IT);

    // once the owner sends a change, the owner got a receipt too
    await answer(cycleId, owner, "age", { age: "50_64" });
    await send(cycleId, owner);
    expect(await page(owner)).toContain(YOU_GOT_IT);
  });
});
