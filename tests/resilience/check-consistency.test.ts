// The operator's consistency checker finds each kind of broken data, and says nothing about sound data.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
import type { PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import { checkConsistency } from "~/server/check-consistency.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  unique,
} from "../helpers/factories.ts";
import { seedDemoData } from "../../prisma/seed.ts";
import { openRequest, pledgeTo, type World } from "./fixtures.ts";
import { startCluster, tempDir, useDatabase, type Cluster } from "./harness.ts";

let cluster: Cluster;
let url: string;
let uploadDir: string;
let world: World;

async function check(now?: Date) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await checkConsistency(client, { uploadDir, now });
  } finally {
    await client.end();
  }
}

function runScript() {
  return spawnSync("node_modules/.bin/tsx", ["app/server/check-consistency.ts"], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: url, UPLOAD_DIR: uploadDir },
    encoding: "utf8",
  });
}

beforeAll(async () => {
  cluster = await startCluster();
  url = await cluster.createDatabase("consistency");
  await useDatabase(url);
  uploadDir = tempDir("uploads");
  world = await createWorld();
});

afterAll(async () => {
  await disconnectDb();
  await cluster?.destroy();
  if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe("npm run check:consistency", () => {
  it("reports nothing for sound data and exits 0", async () => {
    const request = await openRequest(world, 10);
    await pledgeTo(world, request.id, 4);
    await pledgeTo(world, request.id, 6, "ACCEPTED");
    expect(await check()).toEqual([]);
    const result = runScript();
    expect(result.stdout).toContain("No problems found.");
    expect(result.status).toBe(0);
  });

  it("finds a pledged quantity that does not add up, and a status that does not match it", async () => {
    const request = await openRequest(world, 10);
    await pledgeTo(world, request.id, 3);
    await db.request.update({ where: { id: request.id }, data: { pledgedQuantity: 10 } });
    const found = (await check()).filter((v) => v.record === `Request ${request.id}`);
    expect(found.map((v) => v.rule).sort()).toEqual(["pledged quantity", "request status"]);
    expect(found.find((v) => v.rule === "pledged quantity")?.detail).toContain("add up to 3");

    const result = runScript();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`pledged quantity: Request ${request.id}`);
    await db.request.update({ where: { id: request.id }, data: { pledgedQuantity: 3 } });
    expect(await check()).toEqual([]);
  });

  it("finds a fully pledged request that is not fully pledged, and pledges on an unpublished request", async () => {
    const full = await openRequest(world, 5);
    await pledgeTo(world, full.id, 5);
    await db.pledge.updateMany({ where: { requestId: full.id }, data: { status: "WITHDRAWN" } });
    await db.request.update({ where: { id: full.id }, data: { pledgedQuantity: 0 } });
    const draft = await openRequest(world, 5);
    await pledgeTo(world, draft.id, 1);
    await db.request.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });

    const found = await check();
    expect(found).toContainEqual(
      expect.objectContaining({ rule: "request status", record: `Request ${full.id}` }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: "request status",
        record: `Request ${draft.id}`,
        detail: expect.stringContaining("never published"),
      }),
    );
    // the withdrawn pledge's event still says FULLY_PLEDGED/OFFERED: the history is wrong too
    expect(found).toContainEqual(expect.objectContaining({ rule: "status history" }));
    await db.pledge.deleteMany({ where: { requestId: { in: [full.id, draft.id] } } });
    await db.request.deleteMany({ where: { id: { in: [full.id, draft.id] } } });
    expect(await check()).toEqual([]);
  });

  it("finds a status with no event, or whose latest event says something else", async () => {
    const request = await openRequest(world, 10);
    const pledge = await pledgeTo(world, request.id, 2);
    await db.pledge.update({ where: { id: pledge.id }, data: { status: "ACCEPTED" } });
    await db.pledgeEvent.deleteMany({ where: { pledgeId: pledge.id } });
    await db.requestEvent.create({
      data: { requestId: request.id, fromStatus: "PARTIALLY_PLEDGED", toStatus: "FULFILLED" },
    });
    const found = await check();
    expect(found).toContainEqual({
      rule: "status history",
      record: `Pledge ${pledge.id}`,
      detail: "is ACCEPTED but has no event row recording how it got there",
    });
    expect(found).toContainEqual({
      rule: "status history",
      record: `Request ${request.id}`,
      detail: "is PARTIALLY_PLEDGED but its latest event says FULFILLED",
    });
    await db.pledgeEvent.create({ data: { pledgeId: pledge.id, toStatus: "ACCEPTED" } });
    await db.requestEvent.create({
      data: { requestId: request.id, fromStatus: "FULFILLED", toStatus: "PARTIALLY_PLEDGED" },
    });
    expect(await check()).toEqual([]);
  });

  it("finds a request fulfilled with a pledge still under way, and a completed one never fulfilled", async () => {
    const request = await openRequest(world, 5);
    const pledge = await pledgeTo(world, request.id, 5, "CONFIRMED");
    const setRequest = async (from: RequestStatus, to: RequestStatus) => {
      await db.request.update({ where: { id: request.id }, data: { status: to } });
      await db.requestEvent.create({ data: { requestId: request.id, fromStatus: from, toStatus: to } });
    };
    const setPledge = async (from: PledgeStatus, to: PledgeStatus) => {
      await db.pledge.update({ where: { id: pledge.id }, data: { status: to } });
      await db.pledgeEvent.create({ data: { pledgeId: pledge.id, fromStatus: from, toStatus: to } });
    };
    const ofRequest = async () => (await check()).filter((v) => v.record === `Request ${request.id}`);

    // fully pledged, every pledge confirmed, and never closed
    expect(await ofRequest()).toEqual([
      {
        rule: "request fulfilment",
        record: `Request ${request.id}`,
        detail: "is FULLY_PLEDGED and every pledge is confirmed; it should be FULFILLED",
      },
    ]);
    await setRequest("FULLY_PLEDGED", "FULFILLED");
    expect(await check()).toEqual([]);

    // closed while the pledge is only accepted: quantities, statuses and histories each look right on their own
    await setPledge("CONFIRMED", "ACCEPTED");
    expect(await ofRequest()).toEqual([
      {
        rule: "request fulfilment",
        record: `Request ${request.id}`,
        detail: "is FULFILLED but 1 of its pledges are not confirmed yet",
      },
    ]);
    await setPledge("ACCEPTED", "CONFIRMED");
    // confirmed short: it holds what was delivered
    await db.pledge.update({ where: { id: pledge.id }, data: { deliveredQuantity: 4 } });
    await db.request.update({ where: { id: request.id }, data: { pledgedQuantity: 4 } });
    expect((await ofRequest()).map((v) => v.detail)).toEqual(["is FULFILLED with only 4 of 5 pledged"]);

    await db.pledge.deleteMany({ where: { requestId: request.id } });
    await db.request.deleteMany({ where: { id: request.id } });
    expect(await check()).toEqual([]);
  });

  it("finds a submitted return without a line for every commitment, or without its declaration", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    const measures = [
      await createMeasure({ councilId: world.councilA.id, code: unique("M") }),
      await createMeasure({ councilId: world.councilA.id, code: unique("M") }),
    ];
    const commitments = [];
    for (const m of measures) {
      commitments.push(await createCommitment({ contractId: contract.id, measureId: m.id }));
    }
    const kpiReturn = await db.kpiReturn.create({
      data: {
        contractId: contract.id,
        financialYear: 2026,
        quarter: 1,
        periodStart: new Date("2026-04-01"),
        periodEnd: new Date("2026-06-30"),
        dueDate: new Date("2026-07-30"),
        status: "SUBMITTED",
        declarationAccepted: true,
        submittedAt: new Date(),
        lines: { create: [{ commitmentId: commitments[0].id, quantity: 5 }] },
        events: { create: [{ fromStatus: "DRAFT", toStatus: "SUBMITTED" }] },
      },
    });
    const found = await check();
    expect(found).toEqual([
      {
        rule: "return lines",
        record: `KpiReturn ${kpiReturn.id}`,
        detail: `is SUBMITTED but has no line for commitment ${commitments[1].id}`,
      },
    ]);
    await db.kpiReturnLine.create({ data: { returnId: kpiReturn.id, commitmentId: commitments[1].id } });
    await db.kpiReturn.update({ where: { id: kpiReturn.id }, data: { declarationAccepted: false } });
    expect((await check()).map((v) => v.rule)).toEqual(["return declaration"]);
    await db.kpiReturn.update({ where: { id: kpiReturn.id }, data: { declarationAccepted: true } });
    expect(await check()).toEqual([]);

    // evidence: the record says a file is on disk
    const line = await db.kpiReturnLine.findFirstOrThrow({ where: { returnId: kpiReturn.id } });
    const key = `ab/${crypto.randomUUID()}`;
    const file = await db.evidenceFile.create({
      data: {
        returnLineId: line.id,
        storageKey: key,
        originalName: "timesheet.csv",
        contentType: "text/csv",
        sizeBytes: 11,
        sha256: "0".repeat(64),
      },
    });
    expect(await check()).toEqual([
      expect.objectContaining({
        rule: "evidence file",
        record: `EvidenceFile ${file.id}`,
        detail: expect.stringContaining("is missing"),
      }),
    ]);
    fs.mkdirSync(path.join(uploadDir, "ab"), { recursive: true });
    fs.writeFileSync(path.join(uploadDir, key), "hours,12\n");
    expect((await check())[0]?.detail).toContain("has 9 bytes, the record says 11");
    fs.writeFileSync(path.join(uploadDir, key), "hours,120\n\n");
    expect(await check()).toEqual([]);

    // a file nothing refers to: an upload may still be under way for the first hour, then it is reported
    const stray = `ab/${crypto.randomUUID()}`;
    fs.writeFileSync(path.join(uploadDir, stray), "left behind");
    fs.writeFileSync(path.join(uploadDir, `${stray}.part`), "cut off");
    expect(await check()).toEqual([]);
    expect(await check(new Date(Date.now() + 2 * 60 * 60 * 1000))).toEqual([
      expect.objectContaining({ rule: "evidence file", record: `file ${stray}` }),
      expect.objectContaining({ rule: "evidence file", record: `file ${stray}.part` }),
    ]);
    fs.rmSync(path.join(uploadDir, stray));
    fs.rmSync(path.join(uploadDir, `${stray}.part`));
  });

  it("finds an email marked sent without the provider's id", async () => {
    const email = await db.emailOutbox.create({
      data: { to: "a@example.test", subject: "s", html: "", text: "", template: "t", status: "SENT" },
    });
    expect(await check()).toEqual([
      {
        rule: "email outbox",
        record: `EmailOutbox ${email.id}`,
        detail: "is marked sent without the provider's id or a sent time",
      },
    ]);
    await db.emailOutbox.update({
      where: { id: email.id },
      data: { providerId: "re_123", sentAt: new Date() },
    });
    expect(await check()).toEqual([]);
  });

  it("finds nothing wrong with the demo data `npm start` loads", async () => {
    const demoUrl = await cluster.createDatabase("demo");
    await useDatabase(demoUrl);
    try {
      await seedDemoData();
      const client = new pg.Client({ connectionString: demoUrl });
      await client.connect();
      try {
        expect(await checkConsistency(client, { uploadDir })).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      await useDatabase(url);
    }
  });
});
