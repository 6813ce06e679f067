// A contract's status is what an officer recorded, and nothing changes it as the days pass: one whose end date has
// gone by stayed "Active", and one marked "Ended" before its end date (saved before that was refused) kept it,
// both shown as if right until someone saved the contract. The contract's page and the lists now say so beside the
// status ("Ends 31 March 2099 but marked as ended"), and tell an officer what to change. The status stays as
// recorded: an end date gone by may be an extension not yet entered.
import { beforeAll, describe, expect, it } from "vitest";
import { statusDateConflict } from "~/domain/contracts/labels.ts";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let w: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let supplier: string;
let endedEarly: { id: string; reference: string };
let activeLate: { id: string; reference: string };
let fine: { id: string; reference: string };

async function text(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status).toBe(200);
  return readableText((await response.text()).replace(/<!-- -->/g, ""));
}

beforeAll(async () => {
  await renderPage("/");
  w = await createWorld();
  officer = await sessionCookieFor(w.users.officerA.id);
  supplier = await sessionCookieFor(w.users.supplierOwner.id);
  const base = { councilId: w.councilA.id, supplierOrganisationId: w.supplier.id };
  endedEarly = await createContract({
    ...base,
    reference: "S21-ENDED",
    status: "ENDED",
    startDate: new Date("2025-04-01"),
    endDate: new Date("2099-03-31"),
  });
  activeLate = await createContract({
    ...base,
    reference: "S21-LATE",
    status: "ACTIVE",
    startDate: new Date("2019-04-01"),
    endDate: new Date("2020-03-31"),
    awardedOn: new Date("2019-03-01"),
  });
  fine = await createContract({
    ...base,
    reference: "S21-FINE",
    status: "ACTIVE",
    startDate: new Date("2025-04-01"),
    endDate: new Date("2099-03-31"),
  });
  await createContract({
    ...base,
    reference: "S21-TERM",
    status: "TERMINATED",
    startDate: new Date("2019-04-01"),
    endDate: new Date("2099-03-31"),
    terminatedOn: new Date("2020-01-10"),
  });
});

describe("a contract whose status its end date contradicts", () => {
  it("says so on its page, telling an officer what to change", async () => {
    const ended = await text(`/contracts/${endedEarly.id}`, officer);
    expect(ended).toContain(
      "Ended Ends 31 March 2099 but marked as ended: change the status or the end date",
    );
    const late = await text(`/contracts/${activeLate.id}`, officer);
    expect(late).toContain(
      "Active Ended 31 March 2020 but still marked as active: change the status or the end date",
    );
    const right = await text(`/contracts/${fine.id}`, officer);
    expect(right).not.toMatch(/but (still )?marked as/);
  });

  it("says so to the supplier, without the officer's instruction", async () => {
    const ended = await text(`/contracts/${endedEarly.id}`, supplier);
    expect(ended).toContain("Ends 31 March 2099 but marked as ended");
    expect(ended).not.toContain("change the status or the end date");
    const list = await text("/contracts", supplier);
    expect(list).toContain("Ends 31 March 2099 but marked as ended");
    expect(list).toContain("Ended 31 March 2020 but still marked as active");
  });

  it("says so in the council's list, beside the status, and only for those", async () => {
    const list = await text("/contracts", officer);
    expect(list).toContain("S21-ENDED");
    expect(list).toMatch(/S21-ENDED .* Ended Ends 31 March 2099 but marked as ended /);
    expect(list).toMatch(/S21-LATE .* Active Ended 31 March 2020 but still marked as active /);
    expect(list.match(/but (still )?marked as/g)).toHaveLength(2);
  });
});

describe("statusDateConflict", () => {
  it("holds no conflict on the end date itself, nor for a terminated contract or one in the pipeline", () => {
    const today = "2027-06-30";
    expect(statusDateConflict({ status: "ACTIVE", endDate: "2027-06-30" }, today)).toBeNull();
    expect(statusDateConflict({ status: "ENDED", endDate: "2027-06-30T00:00:00.000Z" }, today)).toBeNull();
    expect(statusDateConflict({ status: "ACTIVE", endDate: "2027-06-29" }, today)).toBe(
      "Ended 29 June 2027 but still marked as active",
    );
    expect(statusDateConflict({ status: "ENDED", endDate: "2027-07-01" }, today)).toBe(
      "Ends 1 July 2027 but marked as ended",
    );
    expect(statusDateConflict({ status: "TERMINATED", endDate: "2099-01-01" }, today)).toBeNull();
    expect(statusDateConflict({ status: "PIPELINE", endDate: "2020-01-01" }, today)).toBeNull();
  });
});
