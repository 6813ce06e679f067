// "Send invitation" on a survey cycle's page with the address left blank was told "Enter an email address in the
// correct format", as if something had been typed; an address sent with a space around it (pasted into a browser
// that keeps it, or sent by hand) was refused as in the wrong format. A blank address is now asked for, and the
// spaces are dropped.
import { describe, expect, it } from "vitest";
import { jsonOf } from "../helpers/routes.ts";
import { flashOf } from "../helpers/flash.ts";
import { invitationEmailsTo, officerInviting, sentTo } from "./survey-invite-world.ts";

describe("'Send invitation' with a blank or padded address", () => {
  it("asks for the address when none is given", async () => {
    const { sendInvitation } = await officerInviting("ZB1", "blank");
    for (const email of ["", "   "]) {
      const sent = await sendInvitation({ email });
      expect(sent.status).toBe(400);
      expect((await jsonOf<{ error: Record<string, string[]> }>(sent)).error).toEqual({
        email: ["Enter the email address to send the invitation to"],
      });
    }
    const wrong = await sendInvitation({ email: "name.example.com" });
    expect((await jsonOf<{ error: Record<string, string[]> }>(wrong)).error).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
    });
  });

  it("invites an address sent with spaces around it", async () => {
    const { sendInvitation, address } = await officerInviting("ZB2", "padded");
    const sent = await sendInvitation({ email: `  ${address} ` });
    expect(sent.status).toBe(302);
    expect(await flashOf(sent)).toEqual(sentTo(address));
    expect(await invitationEmailsTo(address)).toHaveLength(1);
  });
});
