// A form naming a list entry no page makes ("plan[1000000].quantity") is refused as unreadable before it is parsed:
// parsing built the list up to that entry and checked every empty one before it, holding the server for seconds
// (a million entries) or minutes (a longer number), for one small request from any signed-in officer.
import { describe, expect, it } from "vitest";
import { MAX_LIST_ENTRIES, readForm } from "~/server/read-form.server.ts";

const post = (fields: Record<string, string>) =>
  new Request("http://localhost:3000/contracts/c1/commitments/new", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

async function refusal(fields: Record<string, string>) {
  try {
    await readForm(post(fields));
    return null;
  } catch (thrown) {
    return thrown instanceof Response ? thrown : Promise.reject(thrown);
  }
}

describe("readForm and list entries", () => {
  it("reads a form whose lists stay within what pages make", async () => {
    const form = await readForm(post({ measureId: "m1", [`plan[${MAX_LIST_ENTRIES - 1}].quantity`]: "2" }));
    expect(form.get(`plan[${MAX_LIST_ENTRIES - 1}].quantity`)).toBe("2");
  });

  it.each([
    `plan[${MAX_LIST_ENTRIES}].quantity`,
    "plan[1000000].quantity",
    "lines[99999999999999999999].note",
    "plan[0].entries[000001000]",
  ])("refuses %s with a 400 that says the form could not be read", async (name) => {
    const response = await refusal({ measureId: "m1", [name]: "1" });
    expect(response?.status).toBe(400);
    expect(await response!.text()).toMatch(/could not be read/);
  });
});
