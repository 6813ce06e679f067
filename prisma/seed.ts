// Demo data for `npm start` (first run only) and `npm run seed`. Built from the test factories.
import { pathToFileURL } from "node:url";
import { db } from "~/db.server.ts";
import { DEFAULT_CATEGORIES, DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { DEFAULT_GUIDANCE } from "~/domain/content/default-guidance.ts";
import { nextQuarter, previousQuarter, quarterIndex, quarterOf } from "~/domain/contracts/quarters.ts";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import type { HelpType, PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import {
  addMember,
  createCategory,
  createCommitment,
  createContract,
  createCouncil,
  createDistrict,
  createOrganisation,
  createPartnership,
  createPledge,
  createRequest,
  createSurveyCycle,
  createSurveyResponse,
  createUser,
} from "../tests/helpers/factories.ts";

export const DEMO_PASSWORD = "demo-password-2026";

// A small deterministic generator, so every demo installation looks the same.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REQUEST_IDEAS: {
  title: string;
  description: string;
  helpType: HelpType;
  quantity: number;
  unitLabel?: string;
}[] = [
  {
    title: "Volunteers to refurbish our community garden",
    description:
      "Clearing beds, building raised planters and laying paths so older residents can garden again.",
    helpType: "VOLUNTEERING",
    quantity: 60,
  },
  {
    title: "Laptops for young people at our homework club",
    description:
      "Refurbished laptops so pupils without a computer at home can do their homework and apply for jobs.",
    helpType: "GOODS",
    quantity: 15,
    unitLabel: "laptops",
  },
  {
    title: "Help writing a business plan for our café",
    description: "Expert advice on a business plan and cash-flow forecast for our social enterprise café.",
    helpType: "EXPERTISE",
    quantity: 12,
  },
  {
    title: "Funding for a winter warm space",
    description: "Heating and running costs so the church hall can open as a warm space three days a week.",
    helpType: "FUNDING",
    quantity: 2500,
  },
  {
    title: "Work placements for young carers",
    description: "Two-week placements in construction, digital or admin roles for young carers aged 16–19.",
    helpType: "WORK_PLACEMENT",
    quantity: 6,
  },
  {
    title: "Mock interviews for job seekers",
    description: "Professionals to run mock interviews and CV feedback sessions at our employment hub.",
    helpType: "EXPERTISE",
    quantity: 20,
  },
  {
    title: "Decorating the youth centre",
    description: "Painting and light repairs in the main hall and kitchen of the youth centre.",
    helpType: "VOLUNTEERING",
    quantity: 40,
  },
  {
    title: "Food bank shelving and storage",
    description: "Sturdy shelving units and storage crates for our expanding food bank warehouse.",
    helpType: "GOODS",
    quantity: 10,
    unitLabel: "shelving units",
  },
  {
    title: "Digital skills sessions for older people",
    description: "Volunteers to help older residents use video calls, online banking and NHS apps safely.",
    helpType: "VOLUNTEERING",
    quantity: 30,
  },
  {
    title: "Minibus running costs for day trips",
    description: "Fuel and insurance for trips that reduce isolation among disabled adults.",
    helpType: "FUNDING",
    quantity: 1800,
  },
  {
    title: "Tree planting on the estate green",
    description: "Volunteers to plant 200 native trees with residents and the local primary school.",
    helpType: "VOLUNTEERING",
    quantity: 50,
  },
  {
    title: "Legal advice for our charity's lease",
    description: "A solicitor's review of the lease for our new community hub.",
    helpType: "EXPERTISE",
    quantity: 6,
  },
];

type Login = { role: string; email: string };

export const DEMO_LOGINS: Login[] = [
  { role: "Platform admin", email: "platform.admin@demo.test" },
  { role: "Council admin (Northshire, Eastvale)", email: "council.admin@demo.test" },
  { role: "Council officer (Northshire, survey)", email: "officer@demo.test" },
  { role: "Council officer (Eastvale)", email: "officer.eastvale@demo.test" },
  {
    role: "Partnership officer (Northshire, and Eastvale through the partnership)",
    email: "partnership.officer@demo.test",
  },
  { role: "Supplier owner (Greenway)", email: "supplier@demo.test" },
  { role: "Supplier member (Greenway)", email: "supplier.member@demo.test" },
  { role: "SME supplier owner (Kite Digital)", email: "sme@demo.test" },
  { role: "VCSE owner (Community Garden)", email: "charity@demo.test" },
  { role: "VCSE member (Community Garden)", email: "charity.member@demo.test" },
  { role: "Pending VCSE owner", email: "pending@demo.test" },
];

export async function seedDemoData(): Promise<Login[]> {
  const rand = random(2026);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const partnership = await createPartnership("Northshire and Eastvale Social Value Partnership");
  const north = await createCouncil({
    name: "Northshire County Council",
    partnershipId: partnership.id,
    postcodeAreas: ["GU1", "GU2", "GU3", "RH1", "RH2", "KT1"],
  });
  const east = await createCouncil({
    name: "Eastvale District Council",
    partnershipId: partnership.id,
    postcodeAreas: ["BN1", "BN2", "TN1"],
  });
  await db.councilSettings.update({ where: { organisationId: east.id }, data: { brandColour: "#005a30" } });
  // the social value teams' addresses, given in decision emails and on pages that say to contact the council
  await db.organisation.update({
    where: { id: north.id },
    data: { contactEmail: "socialvalue@northshire.demo.test" },
  });
  await db.organisation.update({
    where: { id: east.id },
    data: { contactEmail: "socialvalue@eastvale.demo.test" },
  });

  const world = [];
  for (const council of [north, east]) {
    const categories = [];
    for (const name of DEFAULT_CATEGORIES) categories.push(await createCategory(council.id, name));
    // each with its postcode areas, as the request form's hint promises: a request given only its postcode area is
    // filed under the district that lists it (found by the district filter, counted by district)
    const districtAreas: [string, string[]][] =
      council.id === north.id
        ? [
            ["Guildford", ["GU1", "GU2"]],
            ["Reigate", ["RH1", "RH2"]],
            ["Kingston", ["KT1"]],
            ["Woking", ["GU21", "GU22"]],
          ]
        : [
            ["Brighton", ["BN1", "BN2"]],
            ["Tunbridge Wells", ["TN1"]],
            ["Lewes", ["BN7"]],
          ];
    const districts = [];
    for (const [name, areas] of districtAreas) districts.push(await createDistrict(council.id, name, areas));
    const measures = [];
    for (const m of DEFAULT_MEASURES)
      measures.push(await db.measure.create({ data: { ...m, councilId: council.id } }));
    world.push({ council, categories, districts, measures });
  }

  const user = (email: string, name: string, isPlatformAdmin = false) =>
    createUser({ email, name, password: DEMO_PASSWORD, isPlatformAdmin });

  await user("platform.admin@demo.test", "Pat Platform", true);
  const councilAdmin = await user("council.admin@demo.test", "Alex Admin");
  await addMember(north.id, councilAdmin.id, "ADMIN", true);
  const officer = await user("officer@demo.test", "Olu Officer");
  await addMember(north.id, officer.id, "OFFICER", true);
  const officerEast = await user("officer.eastvale@demo.test", "Eve Eastvale");
  await addMember(east.id, officerEast.id, "OFFICER");
  await addMember(east.id, councilAdmin.id, "ADMIN");
  // One sign-in for both partner councils: Northshire's admins made this member partnership-wide.
  const partnershipOfficer = await user("partnership.officer@demo.test", "Parveen Partnership");
  await db.membership.update({
    where: { id: (await addMember(north.id, partnershipOfficer.id, "OFFICER")).id },
    data: { partnershipWide: true },
  });

  const supplierNames = [
    ["Greenway Construction Ltd", "LARGE", 850],
    ["Brightpath Facilities plc", "LARGE", 1200],
    ["Northshire Highways Ltd", "MEDIUM", 180],
    ["Kite Digital Ltd", "SMALL", 24],
    ["Oak & Ash Landscapes Ltd", "MICRO", 7],
    ["CareFirst Homecare Ltd", "MEDIUM", 140],
    ["Meridian Catering Ltd", "SMALL", 38],
    ["Harbour IT Services Ltd", "SMALL", 15],
    ["Vale Cleaning Co-operative", "MICRO", 9],
    ["Sterling Consulting LLP", "MEDIUM", 95],
  ] as const;
  const suppliers = [];
  for (const [index, [name, size, staff]] of supplierNames.entries()) {
    suppliers.push(
      await createOrganisation({
        kind: "SUPPLIER",
        councilId: index % 3 === 2 ? east.id : north.id,
        name,
        businessSize: size,
        staffHeadcount: staff,
        registeredPostcode: index % 3 === 2 ? "BN1 1AA" : "GU1 3UW",
        companyNumber: String(10_000_000 + index * 7919),
      }),
    );
  }
  const supplierOwner = await user("supplier@demo.test", "Sam Supplier");
  await addMember(suppliers[0].id, supplierOwner.id, "OWNER");
  const supplierMember = await user("supplier.member@demo.test", "Mo Member");
  await addMember(suppliers[0].id, supplierMember.id, "MEMBER");
  const smeOwner = await user("sme@demo.test", "Kit Kite");
  await addMember(suppliers[3].id, smeOwner.id, "OWNER");
  for (const supplier of suppliers.slice(1)) {
    if (supplier.id === suppliers[3].id) continue;
    const owner = await createUser({
      email: `owner.${supplier.id.slice(-6)}@demo.test`,
      name: "Supplier owner",
      password: DEMO_PASSWORD,
    });
    await addMember(supplier.id, owner.id, "OWNER");
  }

  const vcseNames = [
    "Guildford Community Garden Trust",
    "Reigate Homework Club",
    "Woking Food Bank",
    "Kingston Young Carers",
    "Northshire Age Concern",
    "St Mary's Warm Space",
    "Brighton Digital Buddies",
    "Lewes Youth Centre",
    "Eastvale Employment Hub",
    "Tunbridge Tree Wardens",
    "Northshire Disability Forum",
    "The Pantry CIC",
    "Riverside Men's Shed",
    "Woking Refugee Welcome",
    "Guildford Sea Cadets",
  ];
  const vcses = [];
  for (const [index, name] of vcseNames.entries()) {
    vcses.push(
      await createOrganisation({
        kind: "VCSE",
        councilId: index >= 6 && index <= 9 ? east.id : north.id,
        name,
        charityNumber: index % 2 === 0 ? String(1_100_000 + index * 31) : undefined,
        areaServed: "Local area",
      }),
    );
  }
  const vcseOwner = await user("charity@demo.test", "Chris Charity");
  await addMember(vcses[0].id, vcseOwner.id, "OWNER");
  const vcseMember = await user("charity.member@demo.test", "Jo Volunteer");
  await addMember(vcses[0].id, vcseMember.id, "MEMBER");
  for (const vcse of vcses.slice(1)) {
    const owner = await createUser({
      email: `owner.${vcse.id.slice(-6)}@demo.test`,
      name: "Group coordinator",
      password: DEMO_PASSWORD,
    });
    await addMember(vcse.id, owner.id, "OWNER");
  }
  const pendingVcse = await createOrganisation({
    kind: "VCSE",
    councilId: north.id,
    name: "New Horizons Community Choir",
    status: "PENDING",
  });
  const pendingOwner = await user("pending@demo.test", "Pip Pending");
  await addMember(pendingVcse.id, pendingOwner.id, "OWNER");

  // ~30 contracts, each with numeric and qualitative commitments and a quarterly delivery plan
  const departments = [
    "Environment, Transport and Infrastructure",
    "Adult Social Care",
    "Children, Families and Learning",
    "Resources",
    "Communities",
  ];
  const titles = [
    "Highways maintenance",
    "Facilities management",
    "Home care framework",
    "IT managed service",
    "School catering",
    "Grounds maintenance",
    "Building works",
    "Consultancy framework",
    "Cleaning services",
    "Waste collection",
  ];
  const commitmentsBySupplier = new Map<string, { id: string; councilId: string; helpTypes: HelpType[] }[]>();
  for (let i = 0; i < 30; i++) {
    const { council, measures } = world[i % 4 === 3 ? 1 : 0];
    const supplier = suppliers[i % suppliers.length];
    const manager = council.id === north.id ? (i % 2 ? officer : councilAdmin) : officerEast;
    const start = new Date(Date.UTC(2024 + (i % 3), 3, 1));
    const years = 2 + (i % 3);
    const endDate = new Date(Date.UTC(start.getUTCFullYear() + years, 2, 31));
    const contract = await createContract({
      councilId: council.id,
      supplierOrganisationId: supplier.id,
      contractManagerId: manager.id,
      reference: `${council.id === north.id ? "NCC" : "EDC"}-${String(2400 + i)}`,
      title: `${pick(titles)} ${i + 1}`,
      department: departments[i % departments.length],
      valueGbp: Math.round(200_000 + rand() * 9_800_000),
      startDate: start,
      endDate,
      // as the procurement export marks them: a contract past its end date has ended
      status: endDate < new Date() ? "ENDED" : "ACTIVE",
      awardedOn: new Date(start.getTime() - 45 * 86400000),
      planReference: `PM3-${1000 + i}`,
    });
    if (i % 7 === 6) continue; // some contracts have no commitments recorded yet
    const numeric = measures.filter((m) => m.unit !== "QUALITATIVE");
    const chosen = [
      numeric[i % numeric.length],
      numeric[(i + 5) % numeric.length],
      measures.find((m) => m.code === "SOC-01")!,
    ];
    for (const measure of Array.from(new Set(chosen))) {
      const perQuarter =
        measure.unit === "PERCENT" ? 95 : measure.unit === "GBP" ? 5000 + (i % 5) * 1000 : 10 + (i % 4) * 5;
      const plan = [];
      for (let q = 0; q < years * 4; q++) {
        plan.push({
          financialYear: start.getUTCFullYear() + Math.floor(q / 4),
          quarter: (q % 4) + 1,
          targetQuantity: perQuarter,
        });
      }
      const target = measure.unit === "PERCENT" ? perQuarter : perQuarter * years * 4;
      const commitment = await createCommitment({
        contractId: contract.id,
        measureId: measure.id,
        targetQuantity: target,
        plan: measure.unit === "PERCENT" ? undefined : plan,
      });
      const list = commitmentsBySupplier.get(supplier.id) ?? [];
      list.push({ id: commitment.id, councilId: council.id, helpTypes: measure.contributingHelpTypes });
      commitmentsBySupplier.set(supplier.id, list);
    }
    if (i % 3 === 0) {
      const qualitative = measures.find((m) => m.unit === "QUALITATIVE")!;
      await createCommitment({
        contractId: contract.id,
        measureId: qualitative.id,
        qualitativeText: "Run two careers events a year with local schools and publish what was learned.",
      });
    }
  }

  // ~60 requests in every state, with pledges in every state
  const statuses: RequestStatus[] = [
    "DRAFT",
    "SUBMITTED",
    "CHANGES_REQUESTED",
    "OPEN",
    "OPEN",
    "OPEN",
    "PARTIALLY_PLEDGED",
    "PARTIALLY_PLEDGED",
    "FULLY_PLEDGED",
    "FULFILLED",
    "FULFILLED",
    "WITHDRAWN",
    "EXPIRED",
  ];
  const pledgeCycle: PledgeStatus[] = [
    "OFFERED",
    "ACCEPTED",
    "DELIVERED",
    "CONFIRMED",
    "DECLINED",
    "WITHDRAWN",
    "DISPUTED",
  ];
  for (let i = 0; i < 62; i++) {
    const vcse = i < 8 ? vcses[0] : vcses[i % vcses.length];
    const home = world.find((w) => w.council.id === vcse.councilId)!;
    // shifted by one each round, so every kind of need is open somewhere (a search for "garden" finds one)
    const idea = REQUEST_IDEAS[(i + Math.floor(i / REQUEST_IDEAS.length)) % REQUEST_IDEAS.length];
    const status = statuses[i % statuses.length];
    const quantity = idea.quantity;
    const expired = status === "EXPIRED";
    const request = await createRequest({
      councilId: home.council.id,
      organisationId: vcse.id,
      categoryId: home.categories[i % home.categories.length].id,
      districtId: i % 5 === 4 ? null : home.districts[i % home.districts.length].id,
      isRemote: i % 5 === 4,
      title:
        i < REQUEST_IDEAS.length ? idea.title : `${idea.title} (${Math.floor(i / REQUEST_IDEAS.length) + 1})`,
      description: idea.description,
      helpType: idea.helpType,
      quantity,
      status,
      neededBy: new Date(Date.now() + (expired ? -10 : 14 + (i % 9) * 10) * 86400000),
      showcaseConsent: status === "FULFILLED" && i % 2 === 0,
      publishedAt: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].includes(status)
        ? null
        : new Date(Date.now() - (62 - i) * 86400000),
    });
    if (idea.unitLabel)
      await db.request.update({ where: { id: request.id }, data: { unitLabel: idea.unitLabel } });
    // a partnership need (decision 050): Northshire's open warm-space request is also for Eastvale, so it shows
    // under either council and Eastvale's suppliers may count pledges to it
    if (i === 3)
      await db.requestAlsoFor.create({
        data: {
          requestId: request.id,
          councilId: world.find((w) => w.council.id !== home.council.id)!.council.id,
        },
      });
    await db.requestEvent.create({ data: { requestId: request.id, toStatus: status, reason: "Demo data" } });
    let pledgeStatuses: PledgeStatus[] = [];
    if (status === "PARTIALLY_PLEDGED") pledgeStatuses = [pledgeCycle[i % 4]];
    if (status === "FULLY_PLEDGED") pledgeStatuses = ["ACCEPTED", "DELIVERED"];
    if (status === "FULFILLED") pledgeStatuses = ["CONFIRMED"];
    if (status === "OPEN" && i % 2 === 0) pledgeStatuses = [pledgeCycle[4 + (i % 2)]];
    const share = Math.max(
      1,
      Math.floor(quantity / Math.max(1, pledgeStatuses.length) / (status === "PARTIALLY_PLEDGED" ? 2 : 1)),
    );
    let pledged = 0;
    for (const [index, pledgeStatus] of pledgeStatuses.entries()) {
      const supplier = suppliers[(i + index) % 4];
      const pledgeQuantity =
        status === "FULLY_PLEDGED" || status === "FULFILLED"
          ? index === pledgeStatuses.length - 1
            ? quantity - pledged
            : share
          : share;
      // a pledge counts only towards a commitment whose measure counts its kind of help (in the same unit)
      const commitment = commitmentsBySupplier
        .get(supplier.id)
        ?.find((c) => c.councilId === home.council.id && c.helpTypes.includes(idea.helpType));
      const pledge = await createPledge({
        requestId: request.id,
        supplierOrganisationId: supplier.id,
        quantity: pledgeQuantity,
        status: pledgeStatus,
        commitmentId: commitment?.id ?? null,
        rating: pledgeStatus === "CONFIRMED" ? 4 + (i % 2) : null,
        // by the date the help is needed by, as the pledge form asks
        expectedDeliveryDate: new Date(request.neededBy.getTime() - (index + 2) * 86400000),
      });
      await db.pledgeEvent.create({
        data: { pledgeId: pledge.id, toStatus: pledgeStatus, reason: "Demo data" },
      });
      if (!["DECLINED", "WITHDRAWN"].includes(pledgeStatus)) pledged += pledgeQuantity;
    }
    if (pledged > 0)
      await db.request.update({
        where: { id: request.id },
        data: { pledgedQuantity: Math.min(pledged, quantity) },
      });
  }

  await createSurveyCycle({ councilId: north.id, year: 2026, status: "OPEN" });
  await seedSurveyAnswers(north.id, suppliers[3].id);

  // Northshire's own local £ values (made up for the demo, never licensed proxy values)
  for (const [code, proxyValueGbp] of [
    ["SOC-01", 15],
    ["JOB-04", 20],
    ["SOC-03", 25],
  ] as const)
    await db.measure.updateMany({ where: { councilId: north.id, code }, data: { proxyValueGbp } });
  await db.councilSettings.update({
    where: { organisationId: north.id },
    data: { proxyValueSource: "Demo values for illustration only (Northshire social value team, 2026)" },
  });

  for (const { council } of world)
    for (const page of DEFAULT_GUIDANCE)
      await db.guidancePage.create({
        data: {
          councilId: council.id,
          slug: page.slug,
          title: page.title,
          audience: page.audience,
          bodyMarkdown: page.body,
        },
      });

  await seedDemoReturns(new Date());

  return DEMO_LOGINS;
}

// Returns, as two years of a working service would leave them: every ended quarter before the last was
// reported and accepted, mostly on time (one contract in five always late), each contract at its own pace
// against plan so progress shows every RAG colour; last quarter's are open, some submitted and waiting for
// review, the rest not yet sent (each supplier keeps at least one, for the demo's own first return).
async function seedDemoReturns(now: Date) {
  const last = previousQuarter(quarterOf(now));
  const earliest = await db.contract.findFirst({
    where: { commitments: { some: {} } },
    orderBy: { startDate: "asc" },
    select: { startDate: true },
  });
  if (!earliest) return;
  for (let q = quarterOf(earliest.startDate); quarterIndex(q) <= quarterIndex(last); q = nextQuarter(q))
    demandNoFailures(await openReturnsForQuarter(now, q, { announce: false }));

  const returns = await db.kpiReturn.findMany({
    orderBy: [{ contract: { reference: "asc" } }, { financialYear: "asc" }, { quarter: "asc" }],
    select: {
      id: true,
      financialYear: true,
      quarter: true,
      dueDate: true,
      contract: {
        select: {
          reference: true,
          contractManagerId: true,
          supplierOrganisation: {
            select: { memberships: { where: { role: "OWNER" }, select: { userId: true }, take: 1 } },
          },
          commitments: {
            select: {
              id: true,
              targetQuantity: true,
              measure: { select: { unit: true } },
              plan: { select: { financialYear: true, quarter: true, targetQuantity: true } },
            },
          },
        },
      },
    },
  });
  const contracts = Array.from(new Set(returns.map((r) => r.contract.reference)));
  // last quarter's returns in order for each supplier: the first of each stays to do
  const seenBySupplier = new Map<string, number>();
  const positionOf = new Map<string, number>();
  for (const r of returns) {
    if (r.financialYear !== last.financialYear || r.quarter !== last.quarter) continue;
    const owner = r.contract.supplierOrganisation.memberships[0]?.userId ?? "none";
    positionOf.set(r.id, seenBySupplier.get(owner) ?? 0);
    seenBySupplier.set(owner, (seenBySupplier.get(owner) ?? 0) + 1);
  }
  const day = 86_400_000;
  for (const r of returns) {
    const index = contracts.indexOf(r.contract.reference);
    const isLast = r.financialYear === last.financialYear && r.quarter === last.quarter;
    const awaitingReview = isLast && positionOf.get(r.id)! % 2 === 1;
    if (isLast && !awaitingReview) continue;
    // the contract's pace: ahead, on track, slightly behind or behind, varying a little quarter to quarter
    const share = [1.1, 0.97, 0.85, 0.6][index % 4]! + ((r.quarter % 2) - 0.5) * 0.1;
    const late = index % 5 === 4;
    // never in the future: last quarter's, seeded days after it ended, were sent a few hours ago (on time)
    const submittedAt = new Date(
      Math.min(
        r.dueDate.getTime() + (late ? 6 : -3 - (index % 7)) * day + 10 * 3_600_000,
        now.getTime() - 3 * 3_600_000,
      ),
    );
    const submittedById = r.contract.supplierOrganisation.memberships[0]?.userId ?? null;
    await db.kpiReturnLine.createMany({
      data: r.contract.commitments.map((c) => {
        const planned = Number(
          c.plan.find((p) => p.financialYear === r.financialYear && p.quarter === r.quarter)
            ?.targetQuantity ??
            (c.measure.unit === "PERCENT" ? c.targetQuantity : 0) ??
            0,
        );
        return {
          returnId: r.id,
          commitmentId: c.id,
          ...(c.measure.unit === "QUALITATIVE"
            ? { narrative: "Held a careers event with two local schools; 60 pupils attended." }
            : {
                quantity:
                  c.measure.unit === "PERCENT"
                    ? Math.min(100, Math.round(planned * (share > 0.9 ? 1 : 0.9)))
                    : Math.round(planned * share),
              }),
        };
      }),
    });
    const reviewedAt = new Date(submittedAt.getTime() + 4 * day);
    await db.kpiReturn.update({
      where: { id: r.id },
      data: awaitingReview
        ? { status: "SUBMITTED", declarationAccepted: true, submittedAt, submittedById }
        : {
            status: "ACCEPTED",
            declarationAccepted: true,
            submittedAt,
            submittedById,
            reviewedAt,
            reviewedById: r.contract.contractManagerId,
          },
    });
    await db.kpiReturnEvent.createMany({
      data: [
        {
          returnId: r.id,
          fromStatus: "NOT_STARTED",
          toStatus: "SUBMITTED",
          actorUserId: submittedById,
          createdAt: submittedAt,
        },
        ...(awaitingReview
          ? []
          : [
              {
                returnId: r.id,
                fromStatus: "SUBMITTED" as const,
                toStatus: "ACCEPTED" as const,
                actorUserId: r.contract.contractManagerId,
                createdAt: reviewedAt,
              },
            ]),
      ],
    });
  }
}

// Last year's closed survey (so the report shows year-on-year change) and a few answers this year.
async function seedSurveyAnswers(councilId: string, kiteDigitalId: string) {
  const lastYear = await createSurveyCycle({
    councilId,
    year: 2025,
    status: "CLOSED",
    opensOn: new Date("2025-04-01"),
    closesOn: new Date("2025-06-30"),
  });
  const thisYear = await db.surveyCycle.findUniqueOrThrow({
    where: { councilId_year: { councilId, year: 2026 } },
  });
  const sexes = ["FEMALE", "MALE", "FEMALE", "MALE", "EQUAL", "FEMALE", "MALE"];
  const groups = ["WHITE", "WHITE", "ASIAN", "WHITE", "BLACK", "WHITE", "MIXED"];
  const barriers = ["TOO_MUCH_PAPERWORK", "HARD_TO_FIND_OPPORTUNITIES", "CONTRACTS_TOO_LARGE", "NO_FEEDBACK"];
  // last year's answers came in while that survey was open (a day apart from 2 May 2025), this year's now
  const duringLastYear = (i: number) => new Date(Date.UTC(2025, 4, 2 + i, 10));
  for (let i = 0; i < 26; i++) {
    const cycleId = i < 14 ? lastYear.id : thisYear.id;
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId,
      name: `Northshire Small Business ${i + 1} Ltd`,
      businessSize: i % 4 === 0 ? "MICRO" : "SMALL",
      registeredPostcode: "GU2 7XH",
    });
    const answers = await createSurveyResponse({
      cycleId,
      organisationId: business.id,
      protectedAnswers: { sex: sexes[i % sexes.length], ethnicGroup: groups[i % groups.length] },
      barriers: barriers.slice(0, 1 + (i % barriers.length)),
      contactConsent: i % 3 === 0,
      answeredAt: i < 14 ? duringLastYear(i) : undefined,
    });
    if (i % 3 === 0)
      await db.surveyResponse.update({
        where: { id: answers.id },
        data: { contactName: "Business owner", contactEmail: `owner.sme${i + 1}@demo.test` },
      });
  }
  // Kite Digital answered last year: this year's questionnaire starts from those answers.
  await createSurveyResponse({
    cycleId: lastYear.id,
    organisationId: kiteDigitalId,
    protectedAnswers: { sex: "FEMALE", age: "35_49", ethnicGroup: "ASIAN", ethnicBackground: "ASIAN_INDIAN" },
    barriers: ["TOO_MUCH_PAPERWORK", "NO_FEEDBACK"],
    answeredAt: duringLastYear(20),
  });
}

// Seeds only an empty database (a restart keeps whatever is there); returns the demo logins that exist.
export async function seedDemoDataOnce(): Promise<{ password: string; logins: Login[]; seeded: boolean }> {
  const empty = (await db.organisation.count()) === 0;
  if (empty) await seedDemoData();
  const present = await db.user.findMany({
    where: { email: { in: DEMO_LOGINS.map((l) => l.email) } },
    select: { email: true },
  });
  const emails = new Set(present.map((u) => u.email));
  return { password: DEMO_PASSWORD, logins: DEMO_LOGINS.filter((l) => emails.has(l.email)), seeded: empty };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await seedDemoDataOnce();
  console.log(result.seeded ? "Seeded demo data." : "The database already had data; nothing seeded.");
  console.log(`Password for every demo login: ${result.password}`);
  for (const login of result.logins) console.log(`  ${login.role.padEnd(40)} ${login.email}`);
  await db.$disconnect();
}

// The jobs go on past an item they cannot handle; demo data that is missing a return is a broken seed instead.
function demandNoFailures({ failed }: { failed: number }) {
  if (failed > 0) throw new Error(`opening the demo returns failed for ${failed} return(s); see the log`);
}
