// The one rule for a survey invitation link: where it stands (read by the invitation page before anyone is offered
// signing up) and what following it does for a business (redeeming it). Every combination of the facts is listed.
import { describe, expect, it } from "vitest";
import {
  followStep,
  invitationStandingOf,
  type AddressClaim,
  type InvitationFacts,
} from "~/domain/survey/invitation-standing.ts";

const HERE = "org-following";
const OTHER = "org-other";
const FOLLOWED = new Date("2026-11-02T10:00:00Z");
const STATUSES = ["DRAFT", "OPEN", "CLOSED"] as const;
const CLAIMS = [null, "yours", "not-yours", "free"] as const satisfies readonly (AddressClaim | null)[];

const link = (
  organisationId: string | null,
  used: boolean,
  status: (typeof STATUSES)[number],
): InvitationFacts => ({ organisationId, usedAt: used ? FOLLOWED : null, cycle: { status } });

describe("where an invitation link stands", () => {
  it("is unknown when no invitation has the link", () => {
    expect(invitationStandingOf(null)).toBe("unknown");
  });

  // whose it is never changes how it stands: a link "Invite eligible businesses" tied to a business when it sent it
  // still waits for that business until followed (session 45 read it as used)
  it.each([
    [null, false, "OPEN", "waiting"],
    [null, true, "OPEN", "used"],
    [OTHER, false, "OPEN", "waiting"],
    [OTHER, true, "OPEN", "used"],
    [null, false, "CLOSED", "closed"],
    [null, true, "CLOSED", "closed"],
    [OTHER, false, "CLOSED", "closed"],
    [OTHER, true, "CLOSED", "closed"],
    [null, false, "DRAFT", "closed"],
    [OTHER, true, "DRAFT", "closed"],
  ] as const)("tied to %s, followed %s, survey %s: %s", (organisationId, used, status, standing) => {
    expect(invitationStandingOf(link(organisationId, used, status))).toBe(standing);
  });
});

describe("what following a link does for a business", () => {
  it.each(CLAIMS)("a link no invitation has does not work (address claim %s)", (claim) => {
    expect(followStep(null, HERE, claim)).toBe("invalid");
  });

  // a link tied to a business: whose its address is does not matter, so every claim gives the same step
  it.each([
    // the business's own link: it answers, again if it followed it before; after the close it sees the survey's page
    [HERE, false, "OPEN", "bind"],
    [HERE, true, "OPEN", "bind"],
    [HERE, false, "CLOSED", "closed-survey"],
    [HERE, true, "CLOSED", "closed-survey"],
    [HERE, false, "DRAFT", "closed-survey"],
    // another business's: said to be theirs while it waits for them, else it does not work
    [OTHER, false, "OPEN", "not-yours"],
    [OTHER, true, "OPEN", "invalid"],
    [OTHER, false, "CLOSED", "invalid"],
    [OTHER, true, "CLOSED", "invalid"],
    [OTHER, false, "DRAFT", "invalid"],
  ] as const)("tied to %s, followed %s, survey %s: %s", (organisationId, used, status, step) => {
    for (const claim of CLAIMS)
      expect(followStep(link(organisationId, used, status), HERE, claim)).toBe(step);
  });

  // a link sent to an address typed in, tied to no business yet (decision 031)
  it.each([
    ["yours", "OPEN", "bind"],
    ["free", "OPEN", "bind"],
    ["not-yours", "OPEN", "not-yours"],
    // no business followed it before the close: it does not work for anyone
    ["yours", "CLOSED", "invalid"],
    ["free", "CLOSED", "invalid"],
    ["not-yours", "CLOSED", "invalid"],
    ["yours", "DRAFT", "invalid"],
    ["free", "DRAFT", "invalid"],
    ["not-yours", "DRAFT", "invalid"],
    // whose the address is was not asked: refused rather than handed to whoever follows it
    [null, "OPEN", "invalid"],
    [null, "CLOSED", "invalid"],
  ] as const)("tied to no business, address %s, survey %s: %s", (claim, status, step) => {
    expect(followStep(link(null, false, status), HERE, claim)).toBe(step);
  });

  // (decision 055) the survey is for SMEs: a business known to be large answers only with a link the council sent it
  it.each([
    ["free", "large"],
    ["yours", "bind"],
    ["not-yours", "not-yours"],
    [null, "invalid"],
  ] as const)("tied to no business, address %s, to a large business: %s", (claim, step) => {
    expect(followStep(link(null, false, "OPEN"), HERE, claim, true)).toBe(step);
  });

  it("a link tied to a large business is its own, as any business's", () => {
    expect(followStep(link(HERE, false, "OPEN"), HERE, null, true)).toBe("bind");
    expect(followStep(link(HERE, false, "CLOSED"), HERE, null, true)).toBe("closed-survey");
    expect(followStep(link(OTHER, false, "OPEN"), HERE, null, true)).toBe("not-yours");
  });

  it.each(CLAIMS)("a followed link tied to no business does not work (address claim %s)", (claim) => {
    // (following ties a link to its business, so this is only a link whose business has gone)
    expect(followStep(link(null, true, "OPEN"), HERE, claim)).toBe("invalid");
  });

  // the two halves of the rule agree: a link that is said not to work to someone signed out never works when followed
  it.each(
    STATUSES.flatMap((status) =>
      [HERE, OTHER, null].flatMap((organisationId) =>
        [false, true].flatMap((used) =>
          CLAIMS.flatMap((claim) =>
            [false, true].map((large) => [status, organisationId, used, claim, large] as const),
          ),
        ),
      ),
    ),
  )(
    "survey %s, tied to %s, taken up %s, claim %s, large %s: works only if it stands waiting, taken up by it, or closed on it",
    (status, organisationId, used, claim, large) => {
      const facts = link(organisationId, used, status);
      const standing = invitationStandingOf(facts);
      const step = followStep(facts, HERE, claim, large);
      if (step === "bind") expect(["waiting", "used"]).toContain(standing);
      if (step === "not-yours" || step === "large") expect(standing).toBe("waiting");
      if (step === "large") expect([organisationId, claim, large]).toEqual([null, "free", true]);
      if (step === "closed-survey") expect([standing, organisationId]).toEqual(["closed", HERE]);
    },
  );
});
