import { describe, expect, it } from "vitest";
import { forEachItem } from "~/jobs/each-item.server.ts";

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
