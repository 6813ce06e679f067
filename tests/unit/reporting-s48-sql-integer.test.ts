// Session 47 wrote the dashboards' list lengths into their SQL text instead of sending them as parameters, so that
// each connection keeps one plan (decision 047). Whatever is written there is SQL, so only a whole number may be:
// sqlInteger writes one or throws, and the pledge queues' length goes through it.
import { describe, expect, it } from "vitest";
import { sqlInteger } from "~/db.server.ts";
import { requestorPledgeQueues } from "~/domain/reporting/dashboard-people.server.ts";

describe("sqlInteger", () => {
  it.each([
    [0, "0"],
    [1, "1"],
    [10, "10"],
    [Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER)],
    // in brackets: "x -${n}" must not become the comment "x --3"
    [-3, "(-3)"],
  ])("writes %s as %s, with nothing left to send", (n, sql) => {
    const written = sqlInteger(n);
    expect(written.text).toBe(sql);
    expect(written.values).toEqual([]);
  });

  it.each([
    ["a fraction", 1.5],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a number too large to be exact", 2 ** 53],
    ["a string passed as a number", "10; DROP TABLE x" as unknown as number],
    ["a numeric string", "10" as unknown as number],
  ])("refuses %s", (_name, n) => {
    expect(() => sqlInteger(n)).toThrow(/not a whole number/);
  });
});

describe("a requestor's pledge queues", () => {
  it("refuse a list length that is not a whole number before any SQL is sent", async () => {
    await expect(requestorPledgeQueues("any-organisation", 2.5 as unknown as 1)).rejects.toThrow(
      /not a whole number/,
    );
  });
});
