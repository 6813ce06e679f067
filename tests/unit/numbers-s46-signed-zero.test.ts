// A supplier's staff or the people a request helps, typed "-0", were taken (read as -0, which is not below 0) where
// a KPI return's figure so typed is refused as below 0: every whole-number field with 0 as its least now refuses it
// the same way, with its own "0 or more" message, and "0" is still taken.
import { expect, it } from "vitest";
import { supplierSchema } from "~/domain/accounts/schemas.ts";
import { requestFormSchema } from "~/domain/marketplace/schemas.ts";
import { errorsOf } from "../helpers/schema-errors.ts";

it.each([
  [supplierSchema, "staffHeadcount", "Number of staff must be 0 or more"],
  [requestFormSchema, "beneficiaryCount", "Number of people cannot be negative"],
] as const)("%#: %s typed -0 is refused as below 0, and 0 is taken", (schema, name, message) => {
  for (const typed of ["-0", " -0 ", "-0.0", "-00"])
    expect(errorsOf(schema, name, typed), typed).toEqual([message]);
  expect(errorsOf(schema, name, "0")).toBeNull();
  expect(errorsOf(schema, name, "-3")).toEqual([message]);
});
