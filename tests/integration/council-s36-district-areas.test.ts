// A postcode area could be given to two districts of one council ("Newtown" with "ZZ99, GU1" while GU1 was
// Guildford's): it saved, and requests in GU1 were filed under whichever sorted first by name, silently. And a wrong
// entry was told only "List postcode areas like GU1, GU2", not which one, nor that "GU1 1AA" is a full postcode.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { addDistrict } from "~/domain/marketplace/council-lists.server.ts";
import { createDistrict, createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableText, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

// the text of the error shown by the postcode areas field
const fieldError = (html: string) =>
  readableText(/<p id="postcodeAreas-error"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "");

// the officer's district form, changing `district`'s postcode areas (and its name)
const changeAreas = (district: { id: string; name: string }, postcodeAreas: string, name = district.name) =>
  postPage("/council/districts", formOf({ intent: "update", id: district.id, name, postcodeAreas }), officer);
const areasOf = async (id: string) => (await db.district.findUniqueOrThrow({ where: { id } })).postcodeAreas;

const districtsOf = (councilId: string) =>
  db.district.findMany({ where: { councilId }, select: { name: true, postcodeAreas: true } });

it("refuses to add a district with an area another district has, naming both, the answers kept", async () => {
  const guildford = await createDistrict(world.councilA.id, unique("Guildford"), ["GU1", "GU2"]);
  const name = unique("Newtown");
  const response = await postPage(
    "/council/districts",
    formOf({ intent: "add", name, postcodeAreas: "TW20, GU1, gu2" }),
    officer,
  );
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(readableText(html)).toContain(
    `GU1 and GU2 are already in ${guildford.name}: take them out of ${guildford.name} first`,
  );
  // beside the field, and the answers kept
  expect(html).toMatch(/id="postcodeAreas-error"|aria-describedby="[^"]*postcodeAreas/);
  expect(html).toContain('value="TW20, GU1, gu2"');
  expect(html).toContain(`value="${name}"`);
  expect((await districtsOf(world.councilA.id)).map((d) => d.name)).not.toContain(name);
});

it("refuses to give a district, changed, an area another has; keeping its own areas is fine", async () => {
  const reigate = await createDistrict(world.councilA.id, unique("Reigate"), ["RH7"]);
  const dorking = await createDistrict(world.councilA.id, unique("Dorking"), ["RH8"]);
  const taken = await changeAreas(dorking, "RH8, RH7");
  expect(taken.status).toBe(400);
  expect(readableText(await taken.text())).toContain(
    `RH7 is already in ${reigate.name}: take it out of ${reigate.name} first`,
  );
  expect(await areasOf(dorking.id)).toEqual(["RH8"]);
  const own = await changeAreas(dorking, "RH8, RH9", `${dorking.name} town`);
  expect(own.status).toBe(302);
  expect(await areasOf(dorking.id)).toEqual(["RH8", "RH9"]);
});

it("lets another council's district have the same area", async () => {
  await createDistrict(world.councilB.id, unique("Elsewhere"), ["KT40"]);
  const response = await postPage(
    "/council/districts",
    formOf({ intent: "add", name: unique("Kingston"), postcodeAreas: "KT40" }),
    officer,
  );
  expect(response.status).toBe(302);
});

it("gives an area to one district only when two are saved at once", async () => {
  const actor = { userId: world.users.officerA.id, ipAddress: null };
  const results = await Promise.all(
    [unique("Twin A"), unique("Twin B"), unique("Twin C")].map((name) =>
      addDistrict(world.councilA.id, name, ["SL9"], actor),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const holders = (await districtsOf(world.councilA.id)).filter((d) => d.postcodeAreas.includes("SL9"));
  expect(holders).toHaveLength(1);
});

it("names each wrong postcode area, and tells a full postcode its first part", async () => {
  const name = unique("Oddtown");
  const response = await postPage(
    "/council/districts",
    formOf({ intent: "add", name, postcodeAreas: "ZZ99, !!, GU1 1AA, nope, qq1" }),
    officer,
  );
  expect(response.status).toBe(400);
  const html = await response.text();
  const text = readableText(html);
  expect(text).toContain("“!!” and “nope” are not postcode areas: list postcode areas like GU1, GU2");
  expect(text).toContain("“GU1 1AA” is a full postcode: enter only its first part, GU1");
  // the right shape, but no UK postcode area: refused as a request's postcode area is
  expect(text).toContain("“ZZ99” and “qq1” are not in UK postcode areas: list postcode areas like GU1, GU2");
  expect(html).toContain('value="ZZ99, !!, GU1 1AA, nope, qq1"');
  expect((await districtsOf(world.councilA.id)).map((d) => d.name)).not.toContain(name);
  const one = await postPage(
    "/council/districts",
    formOf({ intent: "add", name: unique("Oddtown"), postcodeAreas: "gu11aa" }),
    officer,
  );
  expect(readableText(await one.text())).toContain(
    "“gu11aa” is a full postcode: enter only its first part, GU1",
  );
});

it("refuses to change a district's areas to one that is no UK postcode area, the answers kept", async () => {
  const leith = await createDistrict(world.councilA.id, unique("Leith"), ["EH6"]);
  const response = await changeAreas(leith, "EH6, QQ1");
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(fieldError(html)).toContain("“QQ1” is not in a UK postcode area: list postcode areas like GU1, GU2");
  expect(html).toContain('value="EH6, QQ1"');
  expect(await areasOf(leith.id)).toEqual(["EH6"]);
});
