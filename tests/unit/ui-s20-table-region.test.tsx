// A wide table scrolls sideways inside its box on a narrow screen (WCAG 1.4.10 lets data tables do so), but a
// keyboard user could not scroll one that holds no link or button: the box could not take focus. It is now a
// focusable region named by the table's caption.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table } from "~/ui/components.tsx";

const rows = [{ id: "a", name: "Apprentices", figure: "12" }];
const columns = [
  { header: "Measure", cell: (r: (typeof rows)[number]) => r.name, rowHeader: true },
  { header: "Delivered", cell: (r: (typeof rows)[number]) => r.figure, numeric: true },
];

describe("a table", () => {
  it("sits in a focusable region named by its caption", () => {
    const html = renderToStaticMarkup(
      <Table caption="Delivery by measure" columns={columns} rows={rows} rowKey={(r) => r.id} />,
    );
    const region = /<div [^>]*role="region"[^>]*>/.exec(html)?.[0] ?? "";
    expect(region).toContain('tabindex="0"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(region)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<caption id="${labelledBy}"`);
  });

  it("with no rows, says so without an empty region", () => {
    const html = renderToStaticMarkup(
      <Table
        caption="Delivery by measure"
        columns={columns}
        rows={[]}
        rowKey={(r) => r.id}
        empty="None yet."
      />,
    );
    expect(html).not.toContain("region");
    expect(html).toContain("None yet.");
  });
});
