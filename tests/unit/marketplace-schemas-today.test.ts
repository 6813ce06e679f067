// "Today" in the marketplace forms is the London day: between 00:00 and 01:00 in summer UTC is still on the
// previous date, which a needed-by date or a delivery date must not be judged against.
import { afterEach, describe, expect, it, vi } from "vitest";
import { manageRequestSchema, pledgeActionSchema, pledgeFormSchema } from "~/domain/marketplace/schemas.ts";

afterEach(() => {
  vi.useRealTimers();
});

// 23:30 UTC on 10 July 2026 is 00:30 on 11 July in London (BST)
const atHalfPastMidnightInLondon = () =>
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-10T23:30:00Z") });

const pledge = (expectedDeliveryDate: string) =>
  pledgeFormSchema.safeParse({ submissionKey: "key-0123456789", quantity: 1, expectedDeliveryDate });
const delivery = (deliveredOn: string) =>
  pledgeActionSchema.safeParse({
    intent: "reportDelivery",
    deliveredQuantity: 1,
    deliveredOn,
    deliveryNote: "Done",
  });
const extension = (neededBy: string) => manageRequestSchema.safeParse({ intent: "extend", neededBy });

describe("marketplace form dates at 00:30 on a summer night in London", () => {
  it("refuse yesterday (London) as a future date, though it is still that date in UTC", () => {
    atHalfPastMidnightInLondon();
    expect(pledge("2026-07-10").success).toBe(false);
    expect(extension("2026-07-10").success).toBe(false);
    expect(pledge("2026-07-11").success).toBe(true);
    expect(extension("2026-07-11").success).toBe(true);
  });

  it("accept today (London) as a delivery date, though it is still tomorrow in UTC", () => {
    atHalfPastMidnightInLondon();
    expect(delivery("2026-07-11").success).toBe(true);
    expect(delivery("2026-07-12").success).toBe(false);
  });

  it("agree with UTC in winter, when London is on UTC", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-10T23:30:00Z") });
    expect(pledge("2026-01-10").success).toBe(true);
    expect(delivery("2026-01-11").success).toBe(false);
  });
});

describe("how far ahead a needed-by or expected delivery date may be", () => {
  it("is two years from today (London), to the day", () => {
    atHalfPastMidnightInLondon();
    for (const parse of [pledge, extension]) {
      expect(parse("2028-07-11").success).toBe(true);
      const tooFar = parse("2028-07-12");
      expect(tooFar.success).toBe(false);
      expect(tooFar.error?.issues[0].message).toMatch(
        /must be on or before 11 July 2028, 2 years from today$/,
      );
      expect(parse("9999-12-31").success).toBe(false);
    }
  });
});
