// An optional field left with a space or two in it (the charity number a group without one is told to leave blank,
// a supplier's social value contact email) was checked as an answer and refused: "Enter a charity or company
// number, like 1123456" and "Enter an email address in the correct format", for a field that looked empty. Spaces
// only are now no answer, as an empty field is.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

let councilId: string;

beforeAll(async () => {
  await renderPage("/");
  councilId = (await createCouncil()).id;
});

async function register(path: string, fields: Record<string, string>) {
  const user = await createUser();
  const name = unique("Registered");
  const response = await postPage(
    path,
    formOf({ name, councilId, ...fields }),
    await sessionCookieFor(user.id),
  );
  expect(response.status).toBe(302);
  return db.organisation.findFirstOrThrow({ where: { name } });
}

it("registers a VCSE whose charity number is left as spaces, with no number", async () => {
  const organisation = await register("/organisations/new/vcse", {
    charityNumber: "   ",
    areaServed: "Guildford",
    description: "We run a food bank for families in Guildford.",
  });
  expect(organisation.charityNumber).toBeNull();
});

it("registers a supplier whose contact email is left as spaces, with no contact email", async () => {
  const organisation = await register("/organisations/new/supplier", {
    companyNumber: "01234567",
    registeredPostcode: "GU1 3UW",
    staffHeadcount: "25",
    turnoverBand: "UP_TO_2M",
    balanceSheetBand: "UP_TO_2M",
    contactEmail: "  ",
  });
  expect(organisation.contactEmail).toBeNull();
});

it("still checks a charity number or contact email that is given", async () => {
  const user = await createUser();
  const response = await postPage(
    "/organisations/new/vcse",
    formOf({
      name: unique("Registered"),
      councilId,
      charityNumber: " 12 ",
      areaServed: "Guildford",
      description: "We run a food bank for families in Guildford.",
    }),
    await sessionCookieFor(user.id),
  );
  expect(response.status).toBe(400);
  expect(await response.text()).toContain("Enter a charity or company number, like 1123456 or SC012345");
});
