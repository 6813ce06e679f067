import { describe, expect, it, vi } from "vitest";
import { databaseUnreachable, forEachItem } from "~/jobs/each-item.server.ts";
import { logger } from "~/server/logger.ts";

describe("a scheduled run's items", () => {
  it("all run, in order, when one fails; the failures are counted", async () => {
    const done: string[] = [];
    const failed = await forEachItem(
      "test-job",
      [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }],
      async ({ id }) => {
        if (id === "b" || id === "d") throw new Error(`cannot do ${id}`);
        done.push(id);
      },
    );
    expect(failed).toBe(2);
    expect(done).toEqual(["a", "c"]);
  });

  it("count nothing failed when none does", async () => {
    expect(await forEachItem("test-job", [], async () => undefined)).toBe(0);
  });
});

describe("a database that cannot be reached", () => {
  const lost = [
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    Object.assign(new Error("Can't reach database server"), { code: "P1001" }),
    Object.assign(new Error("Invalid invocation"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
    }),
    new Error("timeout exceeded when trying to connect"),
    new Error("the step failed", { cause: new Error("Connection terminated unexpectedly") }),
  ];

  it.each(lost.map((error) => [error.message, error]))("is recognised: %s", (_, error) => {
    expect(databaseUnreachable(error)).toBe(true);
  });

  it("is not what a refused item looks like", () => {
    for (const error of [
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
      Object.assign(new Error("refused for the test"), { code: "P0001" }),
      new Error("the saved filters are not an object of filters"),
      "a string",
      null,
    ])
      expect(databaseUnreachable(error)).toBe(false);
  });

  it("ends the run at once instead of failing every item after it", async () => {
    const done: string[] = [];
    const run = forEachItem("test-job", [{ id: "a" }, { id: "b" }, { id: "c" }], async ({ id }) => {
      if (id === "b") throw lost[0];
      done.push(id);
    });
    await expect(run).rejects.toBe(lost[0]);
    expect(done).toEqual(["a"]);
  });
});

describe("what is logged of a failed item", () => {
  const quoting = Object.assign(new Error('Failed to insert {"ethnicGroup":"ASIAN"}'), { code: "P2010" });

  it("is the error itself, with the job and the item", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    await forEachItem("test-job", [{ id: "a" }], async () => Promise.reject(quoting));
    expect(log).toHaveBeenCalledWith({ err: quoting, job: "test-job", itemId: "a" }, expect.any(String));
    log.mockRestore();
  });

  it("is only the kind of error where its message could quote what was being written", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    await forEachItem("test-job", [{ id: "a" }], async () => Promise.reject(quoting), {
      errorDetails: false,
    });
    expect(log).toHaveBeenCalledWith(
      { err: { type: "Error", code: "P2010" }, job: "test-job", itemId: "a" },
      expect.any(String),
    );
    expect(JSON.stringify(log.mock.calls)).not.toContain("ASIAN");
    log.mockRestore();
  });
});
