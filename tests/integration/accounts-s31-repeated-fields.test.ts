// A form posted with a field repeated (name=a&name=b), as a hostile or broken client sends it. Conform read the
// field as a list: the page came back with the list as the input's value ("a,b", React warning that a value must
// not be an array) and an "Enter …" message for a field that had been answered. Each accounts form now keeps the
// first answer in the field and says on it that different answers were sent; the same answer twice goes through.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SENT_TWICE } from "~/server/parse-form.server.ts";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { errorOn, sent, shownIn, watchConsoleErrors, type Pairs } from "../helpers/sent-twice.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
});

const consoleErrors = watchConsoleErrors();

type Case = {
  page: string;
  signedIn: boolean;
  pairs: () => Pairs;
  repeated: string;
  first: string;
};

const CASES: Case[] = [
  {
    page: "/sign-up",
    signedIn: false,
    pairs: () => [
      ["name", "Asha Patel"],
      ["name", "Bea Patel"],
      ["email", "asha@example.test"],
      ["password", TEST_PASSWORD],
    ],
    repeated: "name",
    first: "Asha Patel",
  },
  {
    page: "/sign-up",
    signedIn: false,
    pairs: () => [
      ["name", "Asha Patel"],
      ["email", "asha@example.test"],
      ["email", "bea@example.test"],
      ["password", TEST_PASSWORD],
    ],
    repeated: "email",
    first: "asha@example.test",
  },
  {
    page: "/sign-in",
    signedIn: false,
    pairs: () => [
      ["email", "asha@example.test"],
      ["email", "bea@example.test"],
      ["password", "anything at all"],
    ],
    repeated: "email",
    first: "asha@example.test",
  },
  {
    page: "/forgot-password",
    signedIn: false,
    pairs: () => [
      ["email", "asha@example.test"],
      ["email", "bea@example.test"],
    ],
    repeated: "email",
    first: "asha@example.test",
  },
  {
    page: "/account/name",
    signedIn: true,
    pairs: () => [
      ["name", "Asha Patel"],
      ["name", "Bea Patel"],
    ],
    repeated: "name",
    first: "Asha Patel",
  },
  {
    page: "/account/email",
    signedIn: true,
    pairs: () => [
      ["email", "asha@example.test"],
      ["email", "bea@example.test"],
      ["currentPassword", TEST_PASSWORD],
    ],
    repeated: "email",
    first: "asha@example.test",
  },
  {
    page: "/organisations/new/vcse",
    signedIn: true,
    pairs: () => [
      ["name", "Asha's Food Bank"],
      ["name", "Bea's Food Bank"],
      ["councilId", world.councilA.id],
      ["councilId", world.councilB.id],
      ["areaServed", "Guildford"],
      ["areaServed", "Woking"],
      ["description", "We run a food bank for families in Guildford."],
    ],
    repeated: "name",
    first: "Asha&#x27;s Food Bank",
  },
  {
    page: "/organisations/new/supplier",
    signedIn: true,
    pairs: () => [
      ["name", "Asha Builders"],
      ["councilId", world.councilA.id],
      ["companyNumber", "01234567"],
      ["registeredPostcode", "GU1 3UW"],
      ["registeredPostcode", "GU2 4AA"],
      ["staffHeadcount", "12"],
      ["staffHeadcount", "13"],
      ["turnoverBand", "x"],
      ["turnoverBand", "y"],
      ["balanceSheetBand", "x"],
    ],
    repeated: "registeredPostcode",
    first: "GU1 3UW",
  },
];

describe.each(CASES)("$page with $repeated sent twice", ({ page, signedIn, pairs, repeated, first }) => {
  it("shows the first answer in the field, says different answers were sent, and React warns of nothing", async () => {
    const cookie = signedIn ? await sessionCookieFor((await createUser()).id) : undefined;
    const response = await postPage(page, sent(pairs()), cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(html).not.toMatch(/value="[^"]*,[^"]*"/);
    expect(shownIn(html, repeated)).toBe(first);
    expect(errorOn(html, repeated)).toContain(SENT_TWICE);
  });
});

describe("inviting a member with the address sent twice", () => {
  it("shows the first address in the field, says different answers were sent, and React warns of nothing", async () => {
    const page = `/organisations/${world.vcse.id}`;
    const response = await postPage(
      page,
      sent([
        ["intent", "invite"],
        ["email", "asha@example.test"],
        ["email", "bea@example.test"],
        ["role", "MEMBER"],
      ]),
      await sessionCookieFor(world.users.vcseOwner.id),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(shownIn(html, "email")).toBe("asha@example.test");
    expect(readableMainText(html)).toContain(SENT_TWICE);
    expect(
      await db.invitation.count({ where: { email: { in: ["asha@example.test", "bea@example.test"] } } }),
    ).toBe(0);
  });
});

describe("the same answer sent twice", () => {
  it("changes the account's name", async () => {
    const user = await createUser({ name: "Old Name" });
    const response = await postPage(
      "/account/name",
      sent([
        ["name", "Asha Patel"],
        ["name", "Asha Patel"],
      ]),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Asha Patel");
  });

  it("creates the account", async () => {
    const email = `${unique("twice")}@example.test`;
    const response = await postPage(
      "/sign-up",
      sent([
        ["name", "Asha Patel"],
        ["email", email],
        ["email", email],
        ["password", TEST_PASSWORD],
      ]),
    );
    expect(response.status).toBe(302);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("a field the form reads as a list", () => {
  it("keeps every value (leaving organisations when deleting an account)", async () => {
    const user = await createUser();
    const response = await postPage(
      "/account/delete",
      sent([
        ["currentPassword", "not the password"],
        ["leaveWithoutMembers", "a"],
        ["leaveWithoutMembers", "b"],
      ]),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).not.toContain(SENT_TWICE);
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});
