// The local £ of a financial year with nothing delivered showed a bare "£0.00 from 0 commitments on 0 contracts",
// and the dashboard's year table "£0.00" delivered, for a year that has not even started: read as a year in which
// suppliers delivered nothing. The page now says no delivery has been reported yet (and when the year starts), and
// the dashboard says a year planned for has not started yet.
import { beforeAll, describe, expect, it } from "vitest";
import { quarterOf, financialYearLabel } from "~/domain/contracts/quarters.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const current = quarterOf(new Date()).financialYear;
const next = current + 1;
let cookie: string;
let councilId: string;

beforeAll(async () => {
  const world = await createWorld();
  councilId = world.councilA.id;
  cookie = await sessionCookieFor(world.users.officerA.id);
  const measure = await createMeasure({ councilId, code: "NOTYET-H", proxyValueGbp: 12.5 });
  const contract = await createContract({
    councilId,
    supplierOrganisationId: world.supplier.id,
    startDate: new Date(`${current}-04-01`),
    endDate: new Date(`${next + 1}-03-31`),
  });
  await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 80,
    plan: [current, next].flatMap((financialYear) =>
      [1, 2, 3, 4].map((quarter) => ({ financialYear, quarter, targetQuantity: 10 })),
    ),
  });
});

const pageText = async (path: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
};

describe("local £ delivered in a year with nothing delivered", () => {
  it("says a year not yet started has no delivery reported yet, and when it starts", async () => {
    const text = await pageText(`/council/reports/local-value?year=${next}&view=delivered`);
    expect(text).toContain(
      `No delivery reported yet for ${financialYearLabel(next)}: the financial year starts on 1 April ${next}.`,
    );
    expect(text).not.toContain("£0.00 from 0 commitments");
  });

  it("says the year under way has none reported yet", async () => {
    const text = await pageText(`/council/reports/local-value?year=${current}&view=delivered`);
    expect(text).toContain(
      `No delivery reported yet for ${financialYearLabel(current)}, the financial year under way.`,
    );
  });

  it("still gives the figure where there is one", async () => {
    const text = await pageText(`/council/reports/local-value?year=${next}&view=planned`);
    expect(text).toContain("£500.00 from 1 commitment on 1 contract");
  });

  it("on the dashboard, says a year planned for has not started rather than £0.00 delivered", async () => {
    const text = await pageText(`/council/dashboard`);
    const table = text.slice(text.indexOf("Local £ planned and delivered by financial year"));
    const row = table.slice(table.indexOf(financialYearLabel(next)));
    expect(row).toMatch(/^\S+ £500\.00 planned in \S+ – see the commitments Not started yet/);
  });
});
