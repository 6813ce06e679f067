// A measure's proxy value is £ per unit of what is delivered, added up into the council's local £ figures. A
// percentage is a level, not an amount, and a qualitative measure has no amount at all, so every local £ figure
// leaves them out: a proxy value typed for one was saved and listed in the library as if it counted, and never did.
// It is refused next to the field, with the answers kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.measures.$id.tsx";
import { action as newAction } from "~/routes/council.measures.new/route.tsx";
import { createMeasure, createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const form = (overrides: Record<string, string | string[]> = {}) => ({
  code: unique("PRX").toUpperCase().slice(0, 20),
  name: "Staff paid the Real Living Wage",
  theme: "JOBS",
  unit: "PERCENT",
  proxyValueGbp: "12.50",
  ...overrides,
});

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };

describe("a proxy value on a measure", () => {
  it("is refused for a percentage or a qualitative measure, next to the field, with the answers kept", async () => {
    for (const unit of ["PERCENT", "QUALITATIVE"]) {
      const values = form({ unit });
      const response = await callAction(newAction, {
        path: "/council/measures/new",
        cookie: admin,
        form: values,
      });
      expect(response.status).toBe(400);
      const reply = await jsonOf<Reply>(response);
      expect(reply.error?.proxyValueGbp).toEqual([expect.stringMatching(/leave the proxy value blank/)]);
      expect(reply.initialValue).toMatchObject({ unit, proxyValueGbp: "12.50" });
      expect(await db.measure.count({ where: { councilId: world.councilA.id, code: values.code } })).toBe(0);
    }
  });

  it("is still taken for a measure that adds up, and a percentage without one is fine", async () => {
    for (const values of [form({ unit: "HOURS" }), form({ proxyValueGbp: "" })]) {
      const response = await callAction(newAction, {
        path: "/council/measures/new",
        cookie: admin,
        form: values,
      });
      expect(response.status).toBe(302);
    }
  });

  it("is refused when a measure's unit is changed to a percentage keeping its proxy value", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS", proxyValueGbp: 9 });
    const response = await callAction(editAction, {
      path: `/council/measures/${measure.id}`,
      params: { id: measure.id },
      cookie: admin,
      form: {
        code: measure.code,
        name: measure.name,
        theme: measure.theme,
        unit: "PERCENT",
        proxyValueGbp: "9.00",
        version: measure.updatedAt.toISOString(),
      },
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<Reply>(response)).error?.proxyValueGbp).toHaveLength(1);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).unit).toBe("HOURS");
  });
});
