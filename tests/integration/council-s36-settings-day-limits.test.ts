// Council settings said a return may be due "Between 1 and 90" days after quarter end, but the reminder (at least
// 1 day before the due date) must come after the return opens, so 1 could never be saved: the admin was told to
// send the reminder "fewer days before the due date than the 1 days a return is due", which no number allows.
// The least is now 2, said in the hint and the error; a limit of 1 reads "1 day", not "1 days".
import { beforeAll, describe, expect, it } from "vitest";
import { action as settingsAction } from "~/routes/council.settings.tsx";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("councilAdmin"));
});

const save = async (fields: Record<string, string>) => {
  const response = await callAction(settingsAction, {
    path: "/council/settings",
    cookie,
    form: {
      councilName: "Northshire County Council",
      returnDueDays: "30",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
      proxyValueSource: "",
      ...fields,
    },
  });
  return {
    status: response.status,
    errors: ((await response.json()) as { error: Record<string, string[]> }).error,
  };
};

describe("council settings' day limits", () => {
  it("refuse a return due 1 day after quarter end as below the least, not with an impossible reminder rule", async () => {
    const { status, errors } = await save({ returnDueDays: "1", reminderDaysBefore: "1" });
    expect(status).toBe(400);
    expect(errors).toEqual({
      returnDueDays: ["The days a return is due after quarter end must be 2 days or more"],
    });
  });

  it("say the least in the hint", async () => {
    const html = await (await renderPage("/council/settings", cookie)).text();
    expect(html).toContain("Between 2 and 90. Applies to returns opened from now on.");
    expect(html).not.toContain("Between 1 and 90");
  });

  it("say a limit of 1 as 1 day", async () => {
    const { errors } = await save({ overdueReminderDays: "0" });
    expect(errors).toEqual({
      overdueReminderDays: ["The days between overdue reminders must be 1 day or more"],
    });
  });

  it("still save a return due 2 days after quarter end, with a reminder 1 day before", async () => {
    const response = await callAction(settingsAction, {
      path: "/council/settings",
      cookie,
      form: {
        councilName: "Northshire County Council",
        returnDueDays: "2",
        reminderDaysBefore: "1",
        overdueReminderDays: "7",
        brandColour: "#1d3d7a",
        proxyValueSource: "",
      },
    });
    expect(response.status).toBe(302);
  });
});
