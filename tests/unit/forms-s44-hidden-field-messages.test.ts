// A field the page fills in itself (a hidden input: the version of the record the form was shown with, the time it was
// shown, a record's id, the button pressed) that comes back malformed (a hand-made request, a page from before a
// change) was told zod's own English ("Invalid ISO datetime", "Invalid input: expected string, received undefined",
// "Invalid option: expected one of …"), which means nothing to the user and names nothing they can put right. Every
// exported schema's hidden fields are walked here: each says something of its own (most, FORM_NOT_RECOGNISED).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as accounts from "~/domain/accounts/schemas.ts";
import * as content from "~/domain/content/schemas.ts";
import * as contracts from "~/domain/contracts/schemas.ts";
import * as marketplace from "~/domain/marketplace/schemas.ts";
import * as returns from "~/domain/reporting/returns-schema.ts";
import { returnFormSchema, reviewSchema } from "~/domain/reporting/returns-schema.ts";
import * as survey from "~/domain/survey/schemas.ts";
import { FORM_NOT_RECOGNISED } from "~/domain/page-filled-fields.ts";
import { HIDDEN_FIELDS } from "~/server/parse-form.server.ts";

const MODULES = { accounts, content, contracts, marketplace, returns, survey };

// what a hand-made or stale form may send for a hidden field
const MALFORMED: unknown[] = [undefined, "", "not-a-date", "2026-02-30T00:00:00Z", "x".repeat(20_000), "🙂"];
// zod's own message is replaced by this for the parse: an issue that says it had no message of its schema's own
const ZOD_OWN = "(zod's own message)";

type Def = {
  type: string;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  out?: { _zod: { def: Def } };
  shape?: Record<string, z.ZodType>;
  options?: { _zod: { def: Def } }[];
  left?: { _zod: { def: Def } };
  right?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  discriminator?: string;
};
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Each hidden field of `schema`, with its path: through wrappers, pipes, unions and lists of entries. `intent` of a
 * discriminated union's option is left out: the union tells a wrong one FORM_NOT_RECOGNISED itself. */
function hiddenFields(schema: unknown, path: string, out: [string, z.ZodType][], inUnion = false, depth = 0) {
  if (depth > 30 || !schema || typeof schema !== "object" || !("_zod" in schema)) return;
  const def = defOf(schema);
  const next = (s: unknown, p = path, u = false) => hiddenFields(s, p, out, u, depth + 1);
  if (def.innerType) next(def.innerType, path, inUnion);
  if (def.in) next(def.in, path, inUnion);
  if (def.out) next(def.out, path, inUnion);
  if (def.left) next(def.left);
  if (def.right) next(def.right);
  if (def.element) next(def.element, `${path}[0]`);
  if (def.options)
    for (const o of def.options) next(o, path, def.type === "union" && Boolean(def.discriminator));
  if (def.shape)
    for (const [name, field] of Object.entries(def.shape)) {
      const isHidden = HIDDEN_FIELDS.has(name) || name === "commitmentId";
      if (isHidden && !(inUnion && name === "intent")) out.push([`${path}.${name}`, field]);
      next(field, `${path}.${name}`);
    }
}

// the return's forms are made for its lines
const line = { commitmentId: "c1", unit: "HOURS", measureName: "Hours volunteered" } as const;
const cases: [string, z.ZodType][] = [];
// and the forms made for their record (these schemas as the page's own browser check makes them, without one)
for (const [name, schema] of Object.entries({
  "returns.returnFormSchema": returnFormSchema([line]),
  "returns.reviewSchema": reviewSchema([line]),
  "contracts.commitmentSchemaFor": contracts.commitmentSchemaFor("HOURS"),
  "contracts.commitmentEditSchemaFor": contracts.commitmentEditSchemaFor("HOURS"),
  "marketplace.requestFormSchemaFor": marketplace.requestFormSchemaFor(),
  "marketplace.manageRequestSchemaFor": marketplace.manageRequestSchemaFor(),
  "marketplace.pledgeFormSchemaFor": marketplace.pledgeFormSchemaFor(),
  "marketplace.pledgeActionSchemaFor": marketplace.pledgeActionSchemaFor(),
}))
  hiddenFields(schema, name, cases);
for (const [module, exports] of Object.entries(MODULES))
  for (const [name, value] of Object.entries(exports)) {
    const found: [string, z.ZodType][] = [];
    hiddenFields(value, `${module}.${name}`, found);
    cases.push(...found);
  }

describe("the hidden fields of the portal's form schemas", () => {
  it("finds the hidden fields to check (the walk reaches into the schemas)", () => {
    const paths = cases.map(([path]) => path);
    expect(paths).toContain("content.guidanceDeleteSchema.version");
    expect(paths).toContain("contracts.contractEditSchema.version");
    expect(paths).toContain("returns.returnFormSchema.lines[0].commitmentId");
    expect(paths).toContain("returns.reviewSchema.submittedAt");
    expect(paths).toContain("contracts.commitmentEditSchemaFor.version");
  });

  it.each(cases)(
    "%s: says something of its own to a malformed value, never zod's own English",
    (_path, field) => {
      for (const value of MALFORMED) {
        const result = field.safeParse(value, { error: () => ZOD_OWN });
        const messages = result.success ? [] : result.error.issues.map((i) => i.message);
        expect({ value: String(value).slice(0, 20), messages }).toEqual({
          value: String(value).slice(0, 20),
          messages: messages.filter((m) => m !== ZOD_OWN),
        });
      }
    },
  );

  it("tells a guidance page's deletion with a malformed version to reload the page", () => {
    const result = content.guidanceDeleteSchema.safeParse({ version: "yesterday" });
    expect(result.error?.issues.map((i) => i.message)).toEqual([FORM_NOT_RECOGNISED]);
  });
});
