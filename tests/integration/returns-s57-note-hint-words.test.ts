// A written-answer line of a return had its note's hint ask about "this figure": there is no figure on it, only what
// the supplier wrote. It now asks about "this answer"; a line with a figure keeps its wording. The upload's hint,
// under every line, says it saves the form's answers (figures or words) as a draft.
import { beforeAll, describe, expect, it } from "vitest";
import { pageHtmlAs, readableText } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
let html: string;

beforeAll(async () => {
  w = await createReturnsWorld();
  html = await pageHtmlAs(`/returns/${w.kpiReturn.id}`, w.users.supplierOwner.id);
});

/** The words of a line's section of the form: the line of `commitmentId`. */
function lineText(commitmentId: string) {
  const section = new RegExp(`<section[^>]*id="line-${commitmentId}"[\\s\\S]*?</section>`).exec(html);
  expect(section, `the line of ${commitmentId}`).not.toBeNull();
  return readableText(section![0]);
}

describe("the note's hint on a return's form", () => {
  it("asks about the answer on a written-answer (qualitative) line", () => {
    const text = lineText(w.eventsCommitment.id);
    expect(text).toContain("Anything your contract manager should know about this answer.");
    expect(text).not.toContain("figure");
  });

  it("asks about the figure on a line with a number", () => {
    expect(lineText(w.hoursCommitment.id)).toContain(
      "Anything your contract manager should know about this figure.",
    );
  });
});
