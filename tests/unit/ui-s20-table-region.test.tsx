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

// The council dashboard's tables say their cells' styles once on the table (decision 044): the same Table, with its
// caption, headers' scopes and focusable region, and each numeric cell still aligned.
describe("a table with its cells' styles said on the table", () => {
  it("keeps its caption, scopes and region, and puts no style on each cell but its alignment", () => {
    const html = renderToStaticMarkup(
      <Table
        stylesOnTable
        captionId="delivery-caption"
        caption="Delivery by measure"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
      />,
    );
    expect(html).toMatch(/<div [^>]*role="region"[^>]*aria-labelledby="delivery-caption"[^>]*tabindex="0"/);
    expect(html).toContain('<caption id="delivery-caption"');
    expect(html).toMatch(/<table class="[^"]*\[&amp;_td\]:px-2[^"]*\[&amp;_tbody_tr\]:border-b/);
    expect(html).toContain('<th scope="col">Measure</th><th scope="col" class="text-right">Delivered</th>');
    expect(html).toContain(
      '<tr><th scope="row">Apprentices</th><td class="text-right tabular-nums">12</td></tr>',
    );
  });

  it("draws each cell's styles on it otherwise, as before", () => {
    const html = renderToStaticMarkup(
      <Table caption="Delivery by measure" columns={columns} rows={rows} rowKey={(r) => r.id} />,
    );
    expect(html).toContain('<table class="w-full border-collapse text-left">');
    expect(html).toContain(
      '<tr class="border-b border-line"><th scope="row" class="px-2 py-2 text-left font-normal">',
    );
  });
});
