// A pending organisation's owner may change its registered details while it waits, and send a refused one again
// with changes (decision 039). The officer's verification page showed only the details as they are now, with no
// word that they were not the ones first sent, or which of them answer the refusal: it now says what changed
// (the fields the audit log names) and when.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const officer = await sessionCookieFor(world.users.officerA.id);

async function pendingVcse() {
  const organisation = await createOrganisation({
    kind: "VCSE",
    councilId: world.councilA.id,
    status: "PENDING",
  });
  const owner = await createUser();
  await addMember(organisation.id, owner.id, "OWNER");
  return { organisation, owner: await sessionCookieFor(owner.id) };
}

const details = (intent: "save" | "resend", name: string, areaServed: string) =>
  formOf({
    intent,
    name,
    charityNumber: "1123456",
    areaServed,
    description: "A food pantry run by volunteers for families in need.",
  });

async function edit(organisationId: string, cookie: string, form: FormData) {
  const response = await postPage(`/organisations/${organisationId}/edit`, form, cookie);
  expect(response.status).toBe(302);
}

async function verificationPage(organisationId: string) {
  const response = await renderPage(`/council/verification/${organisationId}`, officer);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

describe("the verification page of an organisation whose details changed", () => {
  it("says nothing when nothing changed since it was sent", async () => {
    const { organisation } = await pendingVcse();
    expect(await verificationPage(organisation.id)).not.toContain("Changed since it was sent");
  });

  it("names the details its owner changed while it waited", async () => {
    const { organisation, owner } = await pendingVcse();
    await edit(organisation.id, owner, details("save", organisation.name, "Guildford and villages"));
    const text = await verificationPage(organisation.id);
    expect(text).toContain("Changed since it was sent");
    expect(text).toMatch(/Its owner changed [^.]*Area served[^.]* while it was waiting, last on/);
  });

  it("says it was sent again after a refusal, with which details changed, and not the changes decided on", async () => {
    const { organisation, owner } = await pendingVcse();
    await edit(organisation.id, owner, details("save", organisation.name, "Guildford and villages"));
    const refused = await postPage(
      `/council/verification/${organisation.id}`,
      formOf({ intent: "reject", reason: "We could not find this charity number on the register" }),
      officer,
    );
    expect(refused.status).toBe(302);
    await edit(
      organisation.id,
      owner,
      details("resend", `${organisation.name} CIO`, "Guildford and villages"),
    );
    const text = await verificationPage(organisation.id);
    expect(text).toMatch(/Sent again on .* after the council did not verify it, with changes to: Name\./);
    // the area changed before the refusal was decided on
    expect(text).not.toContain("while it was waiting");
  });
});
