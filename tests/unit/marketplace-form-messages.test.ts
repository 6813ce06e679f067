// Over-long text in a marketplace form is refused with the limit in plain words beside the field, not the
// validation library's own wording ("Too big: expected string to have <=1000 characters").
import { describe, expect, it } from "vitest";
import { manageRequestSchema, moderationSchema } from "~/domain/marketplace/schemas.ts";

describe("over-long comments and reasons", () => {
  const long = "x".repeat(1001);
  const messages = (result: { error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((i) => i.message);

  it("say the limit in plain words, not the validation library's", () => {
    expect(messages(moderationSchema.safeParse({ intent: "approve", comment: long }))).toEqual([
      "Comment must be 1,000 characters or fewer",
    ]);
    expect(messages(manageRequestSchema.safeParse({ intent: "withdraw", reason: long }))).toEqual([
      "Reason must be 1,000 characters or fewer",
    ]);
  });
});
