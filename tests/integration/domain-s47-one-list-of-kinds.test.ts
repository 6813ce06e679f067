// The kinds of organisation someone can register were written out in three places (the check of where sign-up
// leads, the confirmation link's `then`, the choice of kind on the registration page), so adding or renaming one in
// one place left the others refusing or ignoring it. They now all read NEW_ORGANISATION_KINDS: each kind listed is
// taken by every one of them, and anything else by none.
import { describe, expect, it } from "vitest";
import {
  confirmingLeadsTo,
  NEW_ORGANISATION_KINDS,
  registeringKind,
  registeringOnTheWay,
  REGISTERING,
} from "~/domain/accounts/registering-journey.ts";
import { organisationKindSchema } from "~/domain/accounts/registration.server.ts";
import { signUpSchema, verifyEmailSchema } from "~/domain/accounts/schemas.ts";

const takenBy = (kind: string) => ({
  registeringKind: registeringKind(kind) === kind,
  confirmationLink: verifyEmailSchema.safeParse({ intent: "confirm", token: "t", then: kind }).success,
  choiceOfKind: organisationKindSchema.safeParse({ kind }).success,
  signUp: signUpSchema.shape.organisationKind.safeParse(kind).success,
});

const everywhere = { registeringKind: true, confirmationLink: true, choiceOfKind: true, signUp: true };
const nowhere = { registeringKind: false, confirmationLink: false, choiceOfKind: false, signUp: false };

describe("the kinds of organisation someone can register", () => {
  it.each([...NEW_ORGANISATION_KINDS])("%s is taken by every form and check, and has its form", (kind) => {
    expect(takenBy(kind)).toEqual(everywhere);
    expect(confirmingLeadsTo(null, kind)).toBe(`/organisations/new/${kind}`);
    expect(registeringOnTheWay(`/organisations/new/${kind}`)).toBe(REGISTERING[kind]);
  });

  it.each(["council", "VCSE", "business", ""])("%j is taken by none of them", (kind) => {
    expect(takenBy(kind)).toEqual(nowhere);
    expect(confirmingLeadsTo(null, kind)).toBeNull();
  });
});
