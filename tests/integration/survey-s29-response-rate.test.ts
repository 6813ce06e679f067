// Found in the s29 survey QA: a council inviting businesses by email (the spec's "any business invited by link")
// saw a response rate of 100% when 1 of the 4 businesses it had invited answered. The rate counted only eligible
// businesses and those whose link had been followed: an invitation still waiting reached nobody. It now counts
// each address invited and not yet followed as a business reached, once, and not again when the address is that
// of a business already counted.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import { createMember, createOrganisation, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { answer, consent, send } from "../helpers/survey-respondent.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

type Rates = { eligible: number | null; invited: number | null; submitted: string; rate: number | null };

describe("the response rate of a survey sent by email", () => {
  it("counts the businesses invited whose link is still waiting among those reached", async () => {
    // a council whose area has no supplier: every business is invited by email
    const { council, cycle, cookie, path, sendInvitation } = await officerInviting("ZZ99", "rate");
    const addresses = [1, 2, 3, 4].map((i) => `${unique(`rate-${i}`)}@faraway.test`);
    for (const email of addresses) expect((await sendInvitation({ email })).status).toBe(302);

    // one business follows its link and answers
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "TR1 1AA",
    });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const [{ token }] = await invitationEmailsTo(addresses[0]);
    expect((await followInvitation(token, owner)).status).toBe(302);
    await consent(cycle.id, owner);
    await answer(cycle.id, owner, "age", { age: "PREFER_NOT_TO_SAY" });
    await send(cycle.id, owner);

    // the same address invited again is still one business
    expect((await sendInvitation({ email: addresses[1] })).status).toBe(302);

    const { rates } = await jsonOf<{ rates: Rates }>(
      await callLoader(cyclePage.loader, { path, params: { cycleId: cycle.id }, cookie }),
    );
    // 1 of the 4 businesses invited, not 1 of 1 (100%)
    expect(rates).toMatchObject({ eligible: 4, invited: 4, submitted: "1", rate: 25 });
  });

  it("does not count an eligible business twice when its own address was also invited", async () => {
    const { council, cycle, cookie, path, sendInvitation } = await officerInviting("GU1", "rate-both");
    const eligible = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const contact = `${unique("rate-contact")}@faraway.test`;
    await db.organisation.update({ where: { id: eligible.id }, data: { contactEmail: contact } });
    const ownerEmail = `${unique("Rate-Owner")}@faraway.test`;
    const other = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await createMember(other.id, "OWNER", { email: ownerEmail });

    // both eligible, and each one's address typed in as well (in any case)
    expect((await sendInvitation({ email: contact.toUpperCase() })).status).toBe(302);
    expect((await sendInvitation({ email: ownerEmail })).status).toBe(302);

    const { rates } = await jsonOf<{ rates: Rates }>(
      await callLoader(cyclePage.loader, { path, params: { cycleId: cycle.id }, cookie }),
    );
    expect(rates).toMatchObject({ eligible: 2, invited: 2, submitted: "0", rate: 0 });
  });
});
