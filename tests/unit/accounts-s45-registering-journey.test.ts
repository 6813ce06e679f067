// Where someone signing up is on their way to (app/domain/accounts/registering-journey.ts and .server.ts): what they register first,
// what an email to someone with an account leads past, and where confirming leads.
import { describe, expect, it } from "vitest";
import {
  confirmingLeadsTo,
  REGISTERING,
  registeringKind,
  registeringOnTheWay,
} from "~/domain/accounts/registering-journey.ts";
import { pastRegistering } from "~/domain/accounts/registering-journey.server.ts";

describe("registeringKind", () => {
  it.each(["vcse", "supplier"] as const)("takes %s", (kind) => expect(registeringKind(kind)).toBe(kind));
  it.each([null, undefined, "", "join", "council", "SUPPLIER", "supplier "])(
    "takes nothing else (%s)",
    (then) => expect(registeringKind(then)).toBeNull(),
  );
});

describe("registeringOnTheWay", () => {
  it("names what each registration form registers, in the words of the sign-up pages", () => {
    expect(registeringOnTheWay("/organisations/new/supplier")).toBe(REGISTERING.supplier);
    expect(registeringOnTheWay("/organisations/new/vcse")).toBe(REGISTERING.vcse);
    expect(REGISTERING).toEqual({
      supplier: "your business",
      vcse: "your charity, community group or social enterprise",
    });
    expect(registeringOnTheWay("/organisations/new")).toBe("your organisation");
  });

  it("reads the form's path, whatever its query or fragment", () => {
    expect(registeringOnTheWay("/organisations/new/supplier?redirectTo=%2Fsurvey%2Fx")).toBe("your business");
    expect(registeringOnTheWay("/organisations/new?redirectTo=%2Fsurvey%2Fx#top")).toBe("your organisation");
  });

  it.each([
    null,
    undefined,
    "",
    "/survey/invitation/abc",
    "/organisations/new/council",
    "/organisations/new/supplier/extra",
    "/organisations/newer",
    "/organisations/abc",
  ])("is null for any other page (%s)", (page) => expect(registeringOnTheWay(page)).toBeNull());
});

describe("pastRegistering", () => {
  it("leads past a registration form to the page it leads back to", () => {
    expect(pastRegistering("/organisations/new/supplier?redirectTo=%2Fsurvey%2Finvitation%2Fabc")).toBe(
      "/survey/invitation/abc",
    );
    expect(pastRegistering("/organisations/new?redirectTo=%2Frequests%2Fr1%2Fpledge")).toBe(
      "/requests/r1/pledge",
    );
  });

  it("leads nowhere special past a form that leads back nowhere, or to another site", () => {
    expect(pastRegistering("/organisations/new/vcse")).toBeUndefined();
    expect(pastRegistering("/organisations/new/supplier?redirectTo=%2F%2Fevil.example")).toBeUndefined();
    expect(pastRegistering("/organisations/new?redirectTo=https%3A%2F%2Fevil.example")).toBeUndefined();
  });

  it("keeps any other page as it is", () => {
    expect(pastRegistering("/survey/invitation/abc")).toBe("/survey/invitation/abc");
    expect(pastRegistering(undefined)).toBeUndefined();
  });
});

describe("confirmingLeadsTo", () => {
  it("leads to the page they were going to, before the organisation they said they came for", () => {
    expect(confirmingLeadsTo("/survey/invitation/abc", "supplier")).toBe("/survey/invitation/abc");
  });
  it("else to the form of the kind they came to register", () => {
    expect(confirmingLeadsTo(null, "supplier")).toBe("/organisations/new/supplier");
    expect(confirmingLeadsTo(undefined, "vcse")).toBe("/organisations/new/vcse");
  });
  it.each([null, "join", "council", "../admin"])("else nowhere special (%s)", (then) =>
    expect(confirmingLeadsTo(null, then)).toBeNull(),
  );
});
