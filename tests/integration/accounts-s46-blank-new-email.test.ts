// "Change your email address" with only spaces typed as the new address said "Enter your email address" with
// JavaScript (a browser drops the spaces from an email input before the form checks it) and "Enter an email address
// in the correct format" without (the spaces reached the server). Both now ask for it in the field's own words,
// "Enter your new email address", next to the field, with the page shown again and nothing sent.
import { parseWithZod } from "@conform-to/zod/v4";
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { changeEmailSchema } from "~/domain/accounts/schemas.ts";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { formOf } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const ASKED = "Enter your new email address";

describe("changing the email address to a blank one", () => {
  it.each(["", "   ", " \t "])(
    "(%j) is asked for next to the field, as the browser's check asks",
    async (typed) => {
      const user = await createUser();
      const answer = await callAction(changeEmailAction, {
        path: "/account/email",
        cookie: await sessionCookieFor(user.id),
        headers: fromIp(),
        form: { email: typed, currentPassword: TEST_PASSWORD },
      });
      expect(answer.status).toBe(400);
      const reply = await jsonOf<{ error: Record<string, string[]> }>(answer);
      expect(reply.error).toEqual({ email: [ASKED] });
      expect(await db.userToken.count({ where: { userId: user.id } })).toBe(0);

      // the check in the browser reads the email input with its spaces dropped, and gives the same message
      const hint = parseWithZod(formOf({ email: typed.trim(), currentPassword: TEST_PASSWORD }), {
        schema: changeEmailSchema,
      }).reply();
      expect(hint.error).toEqual({ email: [ASKED] });
    },
  );

  it("still says an address in the wrong format is one", async () => {
    const parsed = parseWithZod(formOf({ email: " name.example.com ", currentPassword: "x" }), {
      schema: changeEmailSchema,
    }).reply();
    expect(parsed.error).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
    });
  });
});
