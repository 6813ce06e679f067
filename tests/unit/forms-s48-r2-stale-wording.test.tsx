// The guidance delete page, refused because the page was saved after it was opened by someone the record does not
// name, said "Someone else changed this page while you were editing": nothing was being edited there. The words that
// name nobody now say what the page was doing: an edit form "while you were editing", any other page "after you
// opened it". What names the author reads the same everywhere.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { changedBy, StaleEditNotice, staleEditMessage, type StaleAuthor } from "~/ui/stale-edit.tsx";

const nobody = undefined;
const unnamed: StaleAuthor = { you: false, name: null };
const you: StaleAuthor = { you: true, name: "Alex Admin" };
const colleague: StaleAuthor = { you: false, name: "Priya Colleague" };

describe("changedBy", () => {
  it.each([
    { by: nobody, opened: "Someone else changed this page after you opened it" },
    { by: unnamed, opened: "Someone else changed this page after you opened it" },
    { by: you, opened: "You changed this page in another tab or window after opening it here" },
    { by: colleague, opened: "Priya Colleague changed this page after you opened it here" },
  ])("says $opened on a page that only shows the record (the delete page)", ({ by, opened }) => {
    expect(changedBy("page", by)).toBe(opened);
    expect(changedBy("page", by, "opened")).toBe(opened);
  });

  it.each([
    { by: nobody, editing: "Someone else changed this page while you were editing" },
    { by: unnamed, editing: "Someone else changed this page while you were editing" },
    { by: you, editing: "You changed this page in another tab or window after opening it here" },
    { by: colleague, editing: "Priya Colleague changed this page after you opened it here" },
  ])("says $editing on an edit form", ({ by, editing }) => {
    expect(changedBy("page", by, "editing")).toBe(editing);
  });
});

describe("the edit forms' words", () => {
  it("keep 'while you were editing' when nobody is named, in the message and the notice's title", () => {
    expect(staleEditMessage("measure")).toBe(
      "Someone else changed this measure while you were editing. Their changes are shown, yours are kept below: check and save again.",
    );
    const html = renderToStaticMarkup(<StaleEditNotice what="category" rows={[]} />);
    expect(html).toContain("Someone else changed this category while you were editing");
    expect(html).not.toContain("after you opened it");
  });
});
