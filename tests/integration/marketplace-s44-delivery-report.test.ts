// A supplier reporting a delivery of more than was pledged, dated before the pledge, was told only the amount: the
// date came in a second round, once the amount was put right, though every error is promised in one round. They now
// come together, each next to its field, with what was typed kept. And reporting again after the requestor disputed
// the delivery offered the amount pledged, not the amount reported, so sending the form unchanged claimed the whole
// pledge: the form now starts from the last report (its amount, date and note).
import { describe, expect, test } from "vitest";
import { db } from "~/db.server.ts";
import { changePledge } from "~/domain/marketplace/pledges.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { daysFromToday, londonToday, ukDate } from "../helpers/london-days.ts";

const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00.000Z`));

// the error shown next to a field (app/ui/form.tsx), as a person reads it
const errorNextTo = (html: string, field: string) => {
  const match = new RegExp(`<p id="${field}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? readableMainText(`<main>${match[1]}</main>`).trim() : null;
};
// the value an input starts with
const inputValue = (html: string, field: string) => {
  const input = new RegExp(`<input[^>]*\\bid="${field}"[^>]*>`).exec(html)?.[0];
  return input ? (/\bvalue="([^"]*)"/.exec(input)?.[1] ?? null) : null;
};
const textareaValue = (html: string, field: string) =>
  new RegExp(`<textarea[^>]*\\bid="${field}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? null;

// The supplier's report of a delivery, sent from the pledge's page.
const reportDelivery = (
  pledgeId: string,
  cookie: string,
  report: { deliveredQuantity: string; deliveredOn: string; deliveryNote: string },
) => postPage(`/pledges/${pledgeId}`, formOf({ intent: "reportDelivery", ...report }), cookie);

// An accepted pledge of 25 hours, made 10 days ago (so a day before it is a day before the pledge).
async function acceptedPledge() {
  const w = await createWorld();
  const { pledge: created } = await createPartlyPledgedRequest(w, {
    request: { createdById: w.users.vcseOwner.id, quantity: 40, pledgedQuantity: 25 },
    pledge: { createdById: w.users.supplierOwner.id, quantity: 25, status: "ACCEPTED" },
  });
  const pledgedOn = daysFromToday(-10);
  const pledge = await db.pledge.update({
    where: { id: created.id },
    data: { createdAt: new Date(`${pledgedOn}T12:00:00.000Z`) },
  });
  return {
    w,
    pledge,
    pledgedOn,
    supplier: await sessionCookieFor(w.users.supplierOwner.id),
    charity: await sessionCookieFor(w.users.vcseOwner.id),
  };
}

// The supplier reports 20 hours delivered two days ago, and the charity disputes it, each through the pledge's page.
async function reportedThenDisputed({
  pledge,
  supplier,
  charity,
}: Awaited<ReturnType<typeof acceptedPledge>>) {
  const deliveredOn = daysFromToday(-2);
  const reported = await reportDelivery(pledge.id, supplier, {
    deliveredQuantity: "20",
    deliveredOn: ukDate(deliveredOn),
    deliveryNote: "Twenty hours of gardening",
  });
  expect(reported.status).toBe(302);
  const disputed = await postPage(
    `/pledges/${pledge.id}`,
    formOf({ intent: "dispute", reason: "Only 15 hours were done" }),
    charity,
  );
  expect(disputed.status).toBe(302);
  expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("DISPUTED");
  return { deliveredOn };
}

describe("a delivery report is told every error in the first round", () => {
  test("more than was pledged, a date before the pledge and a short note come together, input kept", async () => {
    const { pledge, pledgedOn, supplier } = await acceptedPledge();
    const before = daysFromToday(-40);
    const response = await reportDelivery(pledge.id, supplier, {
      deliveredQuantity: "28",
      deliveredOn: before,
      deliveryNote: "x",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorNextTo(html, "deliveredQuantity")).toBe(
      "Error: Enter 25 hours or less: that is what you pledged",
    );
    expect(errorNextTo(html, "deliveredOn")).toBe(
      `Error: Date delivered cannot be before you pledged, on ${longDate(pledgedOn)}`,
    );
    expect(errorNextTo(html, "deliveryNote")).toBe(
      "Error: Note must be 3 characters or more: say what was delivered",
    );
    // the summary links to each field
    for (const field of ["deliveredQuantity", "deliveredOn", "deliveryNote"])
      expect(html).toContain(`href="#${field}"`);
    expect(inputValue(html, "deliveredQuantity")).toBe("28");
    expect(inputValue(html, "deliveredOn")).toBe(before);
    expect(textareaValue(html, "deliveryNote")).toBe("x");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });

  test("a date before the pledge typed the UK way is told with the amount", async () => {
    const { pledge, pledgedOn, supplier } = await acceptedPledge();
    const response = await reportDelivery(pledge.id, supplier, {
      deliveredQuantity: "28",
      deliveredOn: ukDate(daysFromToday(-11)),
      deliveryNote: "Twenty-eight hours of gardening",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorNextTo(html, "deliveredQuantity")).toContain("Enter 25 hours or less");
    expect(errorNextTo(html, "deliveredOn")).toContain(`before you pledged, on ${longDate(pledgedOn)}`);
    expect(errorNextTo(html, "deliveryNote")).toBeNull();
  });

  test("a date on the day pledged is not refused with the other errors", async () => {
    const { pledge, pledgedOn, supplier } = await acceptedPledge();
    const response = await reportDelivery(pledge.id, supplier, {
      deliveredQuantity: "28",
      deliveredOn: pledgedOn,
      deliveryNote: "x",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorNextTo(html, "deliveredQuantity")).toContain("Enter 25 hours or less");
    expect(errorNextTo(html, "deliveredOn")).toBeNull();
  });

  test("the domain names every problem of a report, each by its field", async () => {
    const { w, pledge, pledgedOn } = await acceptedPledge();
    const result = await changePledge({
      pledgeId: pledge.id,
      action: "reportDelivery",
      roles: ["SUPPLIER"],
      actor: { userId: w.users.supplierOwner.id, ipAddress: null },
      deliveredQuantity: 28,
      deliveredOn: daysFromToday(-40),
      deliveryNote: "Twenty-eight hours",
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        deliveredQuantity: ["Enter 25 hours or less: that is what you pledged"],
        deliveredOn: [`Date delivered cannot be before you pledged, on ${longDate(pledgedOn)}`],
      },
    });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });
});

describe("reporting again after a dispute", () => {
  test("a first report starts from the amount pledged and today", async () => {
    const { pledge, supplier } = await acceptedPledge();
    const html = await (await renderPage(`/pledges/${pledge.id}`, supplier)).text();
    expect(inputValue(html, "deliveredQuantity")).toBe("25");
    expect(inputValue(html, "deliveredOn")).toBe(londonToday());
    expect(textareaValue(html, "deliveryNote")).toBe("");
  });

  test("the form starts from the last report, and sent unchanged reports it again, not the pledge", async () => {
    const accepted = await acceptedPledge();
    const { pledge, supplier } = accepted;
    const { deliveredOn } = await reportedThenDisputed(accepted);

    const html = await (await renderPage(`/pledges/${pledge.id}`, supplier)).text();
    expect(readableMainText(html)).toContain("Only 15 hours were done");
    expect(inputValue(html, "deliveredQuantity")).toBe("20");
    expect(inputValue(html, "deliveredOn")).toBe(deliveredOn);
    expect(textareaValue(html, "deliveryNote")).toBe("Twenty hours of gardening");

    // what the page offers, sent as it is
    const again = await reportDelivery(pledge.id, supplier, {
      deliveredQuantity: inputValue(html, "deliveredQuantity")!,
      deliveredOn: inputValue(html, "deliveredOn")!,
      deliveryNote: textareaValue(html, "deliveryNote")!,
    });
    expect(again.status).toBe(302);
    const saved = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(saved.status).toBe("DELIVERED");
    expect(saved.deliveredQuantity).toBe(20);
  });

  test("a refused report after a dispute keeps what was typed, not the last report", async () => {
    const accepted = await acceptedPledge();
    const { pledge, supplier } = accepted;
    await reportedThenDisputed(accepted);
    const response = await reportDelivery(pledge.id, supplier, {
      deliveredQuantity: "15",
      deliveredOn: londonToday(),
      deliveryNote: "",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorNextTo(html, "deliveryNote")).toBe("Error: Add a note about what was delivered");
    expect(inputValue(html, "deliveredQuantity")).toBe("15");
    expect(inputValue(html, "deliveredOn")).toBe(londonToday());
    // the note cleared stays cleared: the last report's does not come back beside "add a note"
    expect(textareaValue(html, "deliveryNote")).toBe("");
    // and nothing was reported: the pledge is still disputed, with the last report
    const saved = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(saved.status).toBe("DISPUTED");
    expect(saved.deliveredQuantity).toBe(20);
  });
});
