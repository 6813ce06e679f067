// A contract value typed "1 500 000" or "£1 500 000" (thousands spaced, as a request's quantity already took them,
// or pasted from Word or Excel with a no-break space) was refused as not a value in pounds: it is now saved. One
// spaced anywhere else ("15 00") is still refused, kept as typed. A value saved as 1250.5 came back into the edit
// form as "1250.50": it now shows as "1,250.50", and a save refused for another answer keeps the value as typed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createContract, unique } from "../helpers/factories.ts";
import { contractEditForm, newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${field}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];
const valueBox = (html: string) => /<input[^>]*name="valueGbp"[^>]*value="([^"]*)"/.exec(html)?.[1];

describe("a new contract's value", () => {
  it.each(["1 500 000", "£1 500 000", "£1\u00a0500\u00a0000", "1\u202f500\u202f000", "1,500,000"])(
    "%j is saved as £1,500,000",
    async (typed) => {
      const reference = unique("SPACED");
      const form = newContractForm(w.supplier.id, { reference, valueGbp: typed });
      const response = await postPage("/contracts/new", formOf(form), w.officer);
      expect(response.status).toBe(302);
      const contract = await db.contract.findFirstOrThrow({ where: { reference } });
      expect(contract.valueGbp.toFixed(2)).toBe("1500000.00");
    },
  );

  it("spaced anywhere but between thousands is refused beside the value, kept as typed", async () => {
    for (const typed of ["15 00", "1 5", "1,5 00"]) {
      const form = newContractForm(w.supplier.id, { reference: unique("BADSPACE"), valueGbp: typed });
      const response = await postPage("/contracts/new", formOf(form), w.officer);
      expect(response.status, typed).toBe(400);
      const html = await response.text();
      expect(errorOf(html, "valueGbp"), typed).toBe(
        "Enter the contract value with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
      );
      expect(valueBox(html), typed).toBe(typed);
    }
    expect(await db.contract.count({ where: { reference: { startsWith: "BADSPACE" } } })).toBe(0);
  });
});

describe("a saved contract's value in its edit form", () => {
  it("shows as an amount in pounds is written, and as typed after a save refused for another answer", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      reference: unique("SHOWN"),
      valueGbp: 1250.5,
    });
    const path = `/contracts/${contract.id}/edit`;
    expect(valueBox(await (await renderPage(path, w.officer)).text())).toBe("1,250.50");

    const saved = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    const refused = await postPage(
      path,
      formOf(contractEditForm(saved, { valueGbp: "£2 250.5", title: "" })),
      w.officer,
    );
    expect(refused.status).toBe(400);
    expect(valueBox(await refused.text())).toBe("£2 250.5");

    // the value as the form showed it is saved again unchanged
    const again = await postPage(path, formOf(contractEditForm(saved, { valueGbp: "1,250.50" })), w.officer);
    expect(again.status).toBe(302);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).valueGbp.toFixed(2)).toBe(
      "1250.50",
    );
  });
});
