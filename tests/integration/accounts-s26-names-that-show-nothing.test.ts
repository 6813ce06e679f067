// A person's name, an organisation's name, area and description, and a council's reason for rejecting an
// organisation were checked only for length after trimming spaces. A value of NUL characters (which the database
// drops) or zero-width spaces passed, and was saved blank or showing nothing: a member with no name in the members
// table and emails, an organisation with no name in the council's verification queue, a rejection email with no
// reason. Each is now refused with a message saying what is wrong, and a blank organisation name, description or
// reason is asked for rather than called too short.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
});

const INVISIBLE = [
  ["NUL characters", "\0\0\0"],
  ["zero-width spaces", "\u200B\u200B\u200B"],
] as const;

describe.each(INVISIBLE)("a name of %s", (_, blank) => {
  it("is refused on the account's name page, and the name kept", async () => {
    const user = await createUser({ name: "Priya Shah" });
    const response = await postPage(
      "/account/name",
      formOf({ name: blank }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(
      "There is a problem Your name must contain letters, numbers or other characters you can see",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Priya Shah");
  });

  it("is refused when signing up, and no account is made", async () => {
    const email = `${unique("blank-name")}@example.test`;
    const response = await postPage("/sign-up", formOf({ name: blank, email, password: TEST_PASSWORD }));
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(
      "Your name must contain letters, numbers or other characters you can see",
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("registering a VCSE", () => {
  const register = async (fields: Record<string, string>) => {
    const user = await createUser();
    const response = await postPage(
      "/organisations/new/vcse",
      formOf({
        name: unique("Food bank"),
        councilId: world.councilA.id,
        areaServed: "Guildford",
        description: "We run a food bank for families in Guildford.",
        ...fields,
      }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    return readableMainText(await response.text());
  };

  it.each(INVISIBLE)("refuses a name of %s", async (_, blank) => {
    expect(await register({ name: blank })).toContain(
      "Error: The organisation name must contain letters, numbers or other characters you can see",
    );
  });

  it.each(INVISIBLE)("refuses an area served of %s", async (_, blank) => {
    expect(await register({ areaServed: blank })).toContain(
      "Error: The area you serve must contain letters, numbers or other characters you can see",
    );
  });

  it.each(INVISIBLE)("refuses a description of %s", async (_, blank) => {
    expect(await register({ description: blank.repeat(4) })).toContain(
      "Error: The description must contain letters, numbers or other characters you can see",
    );
  });

  it("asks for a name or description left as spaces, not that it is too short", async () => {
    const text = await register({ name: "   ", description: "   " });
    expect(text).toContain("Error: Enter the organisation&#x27;s name");
    expect(text).toContain("Error: Describe what your organisation does");
    expect(text).not.toContain("characters or more");
  });
});

describe("rejecting an organisation", () => {
  const reject = async (reason: string) => {
    const pending = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const response = await postPage(
      `/council/verification/${pending.id}`,
      formOf({ intent: "reject", reason }),
      await sessionCookieFor(world.users.officerA.id),
    );
    expect(response.status).toBe(400);
    const now = await db.organisation.findUniqueOrThrow({ where: { id: pending.id } });
    expect(now.status).toBe("PENDING");
    expect(now.rejectionReason).toBeNull();
    return readableMainText(await response.text());
  };

  it.each(INVISIBLE)("refuses a reason of %s", async (_, blank) => {
    expect(await reject(blank.repeat(4))).toContain(
      "The reason must contain letters, numbers or other characters you can see",
    );
  });

  it("asks for a reason left as spaces", async () => {
    const text = await reject("      ");
    expect(text).toContain("Enter the reason for rejecting the organisation");
    expect(text).not.toContain("10 characters or more");
  });
});
