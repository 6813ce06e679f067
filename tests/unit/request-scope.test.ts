import { describe, expect, it } from "vitest";
import { requestMemo, runInRequestScope } from "~/server/request-scope.ts";

describe("request scope: a lookup shared by every loader of one page request", () => {
  it("computes once per key within a scope, across awaits", async () => {
    let calls = 0;
    const lookup = () => requestMemo("viewer:a", async () => ++calls);
    const results = await runInRequestScope(async () => {
      const first = await lookup();
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [first, await lookup(), await requestMemo("viewer:b", async () => ++calls)];
    });
    expect(results).toEqual([1, 1, 2]);
  });

  it("never shares between two requests, nor outside a request (form posts, jobs, tests)", async () => {
    let calls = 0;
    const lookup = () => requestMemo("viewer:a", () => ++calls);
    expect([runInRequestScope(lookup), runInRequestScope(lookup)]).toEqual([1, 2]);
    expect([lookup(), lookup()]).toEqual([3, 4]);
  });
});
