// An officer who verified or rejected an organisation went back to the queue with "Organisation verified" or
// "Organisation rejected": not which organisation (the one just decided is gone from the list), nor what the
// decision lets it do. The message now names it and says whether it can now publish requests or pledge.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { createOrganisation, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { formOf, postPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function decide(kind: "SUPPLIER" | "VCSE", form: Record<string, string>) {
  const name = unique(kind === "SUPPLIER" ? "Pending Supplier" : "Pending Group");
  const organisation = await createOrganisation({
    kind,
    name,
    councilId: world.councilA.id,
    status: "PENDING",
  });
  const response = await postPage(
    `/council/verification/${organisation.id}`,
    formOf(form),
    await sessionCookieFor(world.users.officerA.id),
  );
  return { name, flash: await flashOfRedirect(response) };
}

describe("the message after a verification decision", () => {
  it("names the supplier verified and says it can now pledge", async () => {
    const { name, flash } = await decide("SUPPLIER", { intent: "verify" });
    expect(flash).toMatchObject({
      kind: "success",
      message: `Organisation verified: ${name}. It can now pledge to requests.`,
    });
  });

  it("names the group verified and says it can now publish requests", async () => {
    const { name, flash } = await decide("VCSE", { intent: "verify" });
    expect(flash?.message).toBe(`Organisation verified: ${name}. It can now publish requests.`);
  });

  it("names the organisation rejected and says what it still cannot do", async () => {
    const { name, flash } = await decide("VCSE", { intent: "reject", reason: "No charity by that name" });
    expect(flash?.message).toBe(`Organisation rejected: ${name}. It cannot publish requests.`);
  });
});
