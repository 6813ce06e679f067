// A council's name was checked against the others in any case, but a zero-width space after it, or two spaces
// inside, made it another name to the check while every page showed it the same: two councils nobody could tell
// apart on the sign-up form's choice of council. Partnership names were checked only letter for letter, and a name
// of zero-width spaces was saved, making a choice with no words in every council's "Partnership" list.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action } from "~/routes/admin.councils.tsx";
import { createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let cookie: string;

beforeAll(async () => {
  const admin = await createUser({ isPlatformAdmin: true });
  cookie = await sessionCookieFor(admin.id);
});

const send = (form: Record<string, string>) => callAction(action, { path: "/admin/councils", cookie, form });
const fieldErrors = async (response: Response) =>
  (await jsonOf<{ error: Record<string, string[]> }>(response)).error;

describe("adding a council", () => {
  it("refuses a name that reads as a council's already there, whatever the hidden characters or spaces", async () => {
    const name = unique("Mole Valley District Council");
    expect(
      (await send({ intent: "create-council", name, adminEmail: `${unique("a")}@example.com` })).status,
    ).toBe(302);
    const lookalikes = [
      `${name}\u200B`,
      name.replace(" ", "  "),
      name.replace(" ", "\u00A0"),
      `\u2060${name}`,
    ];
    for (const lookalike of lookalikes) {
      const response = await send({
        intent: "create-council",
        name: lookalike,
        adminEmail: `${unique("b")}@example.com`,
      });
      expect(response.status).toBe(400);
      expect((await fieldErrors(response)).name).toEqual(["A council with this name already exists"]);
    }
    expect(await db.organisation.count({ where: { name: { in: [name, ...lookalikes] } } })).toBe(1);
  });
});

describe("adding a partnership", () => {
  it("refuses a name of characters that show nothing, saying so", async () => {
    const before = await db.partnership.count();
    const response = await send({
      intent: "create-partnership",
      partnershipName: "\u200B\u200B\u200B\u200B",
    });
    expect(response.status).toBe(400);
    expect((await fieldErrors(response)).partnershipName).toEqual([
      "The partnership name must contain letters, numbers or other characters you can see",
    ]);
    expect(await db.partnership.count()).toBe(before);
  });

  it("refuses a name that reads as another partnership's, in any case", async () => {
    const name = unique("Sussex and Surrey partnership");
    expect((await send({ intent: "create-partnership", partnershipName: name })).status).toBe(302);
    // the same form sent twice (a double click) is answered as the first was
    expect((await send({ intent: "create-partnership", partnershipName: name })).status).toBe(302);
    const lookalikes = [name.toUpperCase(), `${name}\u200B`, name.replace(" ", "  ")];
    for (const lookalike of lookalikes) {
      const response = await send({ intent: "create-partnership", partnershipName: lookalike });
      expect(response.status).toBe(400);
      expect((await fieldErrors(response)).partnershipName).toEqual([
        "A partnership with this name already exists",
      ]);
    }
    expect(await db.partnership.count({ where: { name: { in: [name, ...lookalikes] } } })).toBe(1);
  });
});
