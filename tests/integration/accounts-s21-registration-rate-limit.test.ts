// Registering an organisation was not rate limited: one account (or one address) could fill a council's
// verification queue, which people work through. Now 10 registrations an hour per account (VCSE and supplier
// together) and 50 per client address; past that the form is answered 429 with the wait, as the other limited forms
// are, the values kept and nothing registered.
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as supplierAction } from "~/routes/organisations.new.supplier.tsx";
import { action as vcseAction } from "~/routes/organisations.new.vcse.tsx";
import { newClientIp } from "../helpers/client-address.ts";
import { createCouncil, createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const council = await createCouncil();

const vcseForm = () => ({
  name: unique("Riverside Pantry"),
  councilId: council.id,
  areaServed: "Guildford and villages",
  description: "A food pantry run by volunteers for families in need.",
});
const supplierForm = () => ({
  name: unique("Hedgerow Landscapes"),
  councilId: council.id,
  companyNumber: String(crypto.randomInt(10_000_000, 99_999_999)),
  registeredPostcode: "GU1 3UW",
  staffHeadcount: "25",
  turnoverBand: "UP_TO_2M",
  balanceSheetBand: "UP_TO_2M",
});

const registerVcse = (cookie: string, ip: string, form = vcseForm()) =>
  callAction(vcseAction, {
    path: "/organisations/new/vcse",
    cookie,
    form,
    headers: { "x-svm-client-ip": ip },
  });
const registerSupplier = (cookie: string, ip: string) =>
  callAction(supplierAction, {
    path: "/organisations/new/supplier",
    cookie,
    form: supplierForm(),
    headers: { "x-svm-client-ip": ip },
  });

const ownedBy = (userId: string) =>
  db.organisation.count({ where: { memberships: { some: { userId, role: "OWNER" } } } });

describe("registering organisations", () => {
  it("allows an account 10 an hour, VCSE and supplier together, then answers 429 and registers nothing", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    for (let n = 0; n < 10; n++) {
      const answer =
        n % 2 ? await registerSupplier(cookie, newClientIp()) : await registerVcse(cookie, newClientIp());
      expect(answer.status, `registration ${n + 1}`).toBe(302);
    }
    expect(await ownedBy(user.id)).toBe(10);
    const form = vcseForm();
    const refused = await registerVcse(cookie, newClientIp(), form);
    expect(refused.status).toBe(429);
    expect(JSON.stringify(await refused.json())).toContain("Too many attempts. Wait ");
    expect((await registerSupplier(cookie, newClientIp())).status).toBe(429);
    expect(await ownedBy(user.id)).toBe(10);
    expect(await db.organisation.count({ where: { name: form.name } })).toBe(0);

    // someone else is not held up by it
    const other = await createUser();
    expect((await registerVcse(await sessionCookieFor(other.id), newClientIp())).status).toBe(302);
  });

  it("shows the wait on the form, with what was typed kept, as a browser without JavaScript gets it", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    for (let n = 0; n < 10; n++) expect((await registerVcse(cookie, newClientIp())).status).toBe(302);
    const form = new FormData();
    const typed = vcseForm();
    for (const [name, value] of Object.entries(typed)) form.append(name, value);
    const page = await postPage("/organisations/new/vcse", form, cookie);
    expect(page.status).toBe(429);
    const html = await page.text();
    expect(readableText(html)).toMatch(/Too many attempts\. Wait \d+ minutes?, then try again\./);
    expect(html).toContain(`value="${typed.name}"`);
  });

  it("allows one client address 50 an hour, whoever is signed in", async () => {
    const ip = newClientIp();
    const users = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    let sent = 0;
    for (const user of users) {
      const cookie = await sessionCookieFor(user.id);
      for (let n = 0; n < 10 && sent < 50; n++, sent++)
        expect((await registerVcse(cookie, ip)).status, `registration ${sent + 1}`).toBe(302);
    }
    const last = await createUser();
    expect((await registerVcse(await sessionCookieFor(last.id), ip)).status).toBe(429);
    expect(await ownedBy(last.id)).toBe(0);
  });

  it("does not count a form refused for its values", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    for (let n = 0; n < 12; n++)
      expect((await registerVcse(cookie, newClientIp(), { ...vcseForm(), name: "" })).status).toBe(400);
    expect((await registerVcse(cookie, newClientIp())).status).toBe(302);
  });
});
