// Factories for every model: used by the tests and by the demo seed (prisma/seed.ts).
import crypto from "node:crypto";
import { hashPassword } from "~/auth/password.server.ts";
import { createSession, sessionCookie } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";
import type {
  BusinessSize,
  ContractStatus,
  HelpType,
  MeasureTheme,
  MeasureUnit,
  MemberRole,
  OrganisationKind,
  PledgeStatus,
  RequestStatus,
  ReturnStatus,
  SurveyCycleStatus,
  VerificationStatus,
} from "~/generated/prisma/enums.ts";

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;
// Hashing is deliberately slow; tests share one hash of the same password.
export function passwordHashFor(password: string) {
  if (password === TEST_PASSWORD) return (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  return hashPassword(password);
}

export async function createUser(
  overrides: {
    email?: string;
    name?: string;
    password?: string;
    verified?: boolean;
    isPlatformAdmin?: boolean;
  } = {},
) {
  return db.user.create({
    data: {
      email: (overrides.email ?? `${unique("user")}@example.test`).toLowerCase(),
      name: overrides.name ?? "Test User",
      passwordHash: await passwordHashFor(overrides.password ?? TEST_PASSWORD),
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      isPlatformAdmin: overrides.isPlatformAdmin ?? false,
    },
  });
}

export async function createPartnership(name = unique("Partnership")) {
  return db.partnership.create({ data: { name } });
}

export async function createCouncil(
  overrides: { name?: string; partnershipId?: string; postcodeAreas?: string[] } = {},
) {
  return db.organisation.create({
    data: {
      kind: "COUNCIL",
      name: overrides.name ?? unique("Council"),
      status: "VERIFIED",
      verifiedAt: new Date(),
      partnershipId: overrides.partnershipId,
      councilSettings: { create: { postcodeAreas: overrides.postcodeAreas ?? ["GU1", "GU2", "RH1"] } },
    },
  });
}

export async function createOrganisation(overrides: {
  kind: Exclude<OrganisationKind, "COUNCIL">;
  councilId: string;
  name?: string;
  status?: VerificationStatus;
  businessSize?: BusinessSize;
  staffHeadcount?: number;
  registeredPostcode?: string;
  companyNumber?: string;
  charityNumber?: string;
  description?: string;
  areaServed?: string;
}) {
  const { kind, councilId, status = "VERIFIED", ...rest } = overrides;
  const supplier = kind === "SUPPLIER";
  return db.organisation.create({
    data: {
      kind,
      councilId,
      name: rest.name ?? unique(supplier ? "Supplier Ltd" : "Community Group"),
      status,
      verifiedAt: status === "VERIFIED" ? new Date() : null,
      companyNumber:
        rest.companyNumber ?? (supplier ? String(crypto.randomInt(10_000_000, 99_999_999)) : null),
      registeredPostcode: rest.registeredPostcode ?? (supplier ? "GU1 1AA" : null),
      staffHeadcount: rest.staffHeadcount ?? (supplier ? 40 : null),
      turnoverBand: supplier ? "2M_10M" : null,
      balanceSheetBand: supplier ? "2M_10M" : null,
      businessSize: rest.businessSize ?? (supplier ? "SMALL" : null),
      charityNumber: rest.charityNumber ?? null,
      description: rest.description ?? (supplier ? null : "A local community group."),
      areaServed: rest.areaServed ?? (supplier ? null : "Guildford"),
    },
  });
}

export async function addMember(
  organisationId: string,
  userId: string,
  role: MemberRole,
  surveyAccess = false,
) {
  return db.membership.create({ data: { organisationId, userId, role, surveyAccess } });
}

// A user with one membership: the usual shape of a test actor.
export async function createMember(
  organisationId: string,
  role: MemberRole,
  options: { email?: string; name?: string; surveyAccess?: boolean; isPlatformAdmin?: boolean } = {},
) {
  const user = await createUser({
    email: options.email,
    name: options.name,
    isPlatformAdmin: options.isPlatformAdmin,
  });
  await addMember(organisationId, user.id, role, options.surveyAccess ?? false);
  return user;
}

// A member of a council who works for its whole partnership (`partnershipWide`): an officer of each partner council.
export async function createPartnershipMember(
  councilId: string,
  role: MemberRole,
  options: { name?: string } = {},
) {
  const user = await createMember(councilId, role, options);
  await db.membership.updateMany({
    where: { userId: user.id, organisationId: councilId },
    data: { partnershipWide: true },
  });
  return user;
}

/** A council officer who also owns a supplier: what the portal acts for when neither the URL (`council=`) nor the
 * header switcher says otherwise is the person's earliest membership, so the supplier's membership is dated a
 * minute before the council's (made a moment later, it could otherwise tie). Plain /contracts and /returns are then
 * the supplier's lists, and a council page that forgets to name its council sends the officer there. The supplier
 * is registered with `supplierCouncilId`, by default the officer's own council. */
export async function createOfficerAlsoSupplier(
  options: { councilName?: string; supplierName?: string; supplierCouncilId?: string } = {},
) {
  const council = await createCouncil({ name: options.councilName });
  const supplier = await createOrganisation({
    kind: "SUPPLIER",
    councilId: options.supplierCouncilId ?? council.id,
    name: options.supplierName,
  });
  const officer = await createMember(supplier.id, "OWNER");
  const councilMembership = await addMember(council.id, officer.id, "OFFICER");
  await db.membership.updateMany({
    where: { userId: officer.id, organisationId: supplier.id },
    data: { createdAt: new Date(councilMembership.createdAt.getTime() - 60_000) },
  });
  return { council, supplier, officer };
}

export async function sessionCookieFor(userId: string) {
  const { token, expiresAt } = await createSession(userId, "test");
  return sessionCookie(token, expiresAt).split(";")[0];
}

export async function createCategory(councilId: string, name = unique("Category")) {
  return db.category.create({
    data: { councilId, name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") },
  });
}

export async function createDistrict(
  councilId: string,
  name = unique("District"),
  postcodeAreas: string[] = ["GU1"],
) {
  return db.district.create({ data: { councilId, name, postcodeAreas } });
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

export async function createRequest(overrides: {
  councilId: string;
  organisationId: string;
  categoryId: string;
  createdById?: string;
  districtId?: string | null;
  title?: string;
  description?: string;
  helpType?: HelpType;
  // goods' own unit ("tins of food"); not given, the column's default
  unitLabel?: string | null;
  quantity?: number;
  pledgedQuantity?: number;
  status?: RequestStatus;
  neededBy?: Date;
  isRemote?: boolean;
  showcaseConsent?: boolean;
  publishedAt?: Date | null;
  contactPreference?: string;
  beneficiaries?: string;
}) {
  const status = overrides.status ?? "OPEN";
  const published = !["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].includes(status);
  return db.request.create({
    data: {
      councilId: overrides.councilId,
      organisationId: overrides.organisationId,
      categoryId: overrides.categoryId,
      createdById: overrides.createdById,
      districtId: overrides.districtId ?? null,
      title: overrides.title ?? unique("Help needed"),
      description: overrides.description ?? "We need help to run our community project.",
      helpType: overrides.helpType ?? "VOLUNTEERING",
      unitLabel: overrides.unitLabel,
      quantity: overrides.quantity ?? 20,
      pledgedQuantity: overrides.pledgedQuantity ?? 0,
      status,
      neededBy: overrides.neededBy ?? daysFromNow(60),
      isRemote: overrides.isRemote ?? false,
      showcaseConsent: overrides.showcaseConsent ?? false,
      beneficiaries: overrides.beneficiaries ?? "Local families",
      contactPreference: overrides.contactPreference ?? "Email the coordinator",
      submittedAt: status === "DRAFT" ? null : new Date(),
      publishedAt:
        overrides.publishedAt === undefined ? (published ? new Date() : null) : overrides.publishedAt,
    },
  });
}

export async function createPledge(overrides: {
  requestId: string;
  supplierOrganisationId: string;
  createdById?: string;
  commitmentId?: string | null;
  quantity?: number;
  status?: PledgeStatus;
  deliveredQuantity?: number | null;
  rating?: number | null;
  expectedDeliveryDate?: Date;
}) {
  const status = overrides.status ?? "OFFERED";
  const delivered = ["DELIVERED", "CONFIRMED", "DISPUTED"].includes(status);
  const quantity = overrides.quantity ?? 5;
  return db.pledge.create({
    data: {
      requestId: overrides.requestId,
      supplierOrganisationId: overrides.supplierOrganisationId,
      createdById: overrides.createdById,
      commitmentId: overrides.commitmentId ?? null,
      quantity,
      status,
      message: "Happy to help.",
      expectedDeliveryDate: overrides.expectedDeliveryDate ?? daysFromNow(30),
      deliveredQuantity: delivered ? (overrides.deliveredQuantity ?? quantity) : null,
      deliveredOn: delivered ? new Date() : null,
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
      rating: overrides.rating ?? null,
    },
  });
}

export async function createMeasure(overrides: {
  councilId: string;
  code?: string;
  name?: string;
  theme?: MeasureTheme;
  unit?: MeasureUnit;
  contributingHelpTypes?: HelpType[];
  proxyValueGbp?: number | null;
}) {
  return db.measure.create({
    data: {
      councilId: overrides.councilId,
      code: overrides.code ?? unique("M"),
      name: overrides.name ?? "Volunteering hours",
      theme: overrides.theme ?? "SOCIAL",
      unit: overrides.unit ?? "HOURS",
      contributingHelpTypes: overrides.contributingHelpTypes ?? ["VOLUNTEERING"],
      proxyValueGbp: overrides.proxyValueGbp ?? null,
    },
  });
}

export async function createContract(overrides: {
  councilId: string;
  supplierOrganisationId: string;
  contractManagerId?: string | null;
  reference?: string;
  title?: string;
  department?: string;
  valueGbp?: number;
  startDate?: Date;
  endDate?: Date;
  awardedOn?: Date | null;
  status?: ContractStatus;
  planReference?: string | null;
  /** only for a TERMINATED contract, which must have one: by default its first day */
  terminatedOn?: Date | null;
}) {
  const startDate = overrides.startDate ?? new Date("2025-04-01");
  const status = overrides.status ?? "ACTIVE";
  return db.contract.create({
    data: {
      councilId: overrides.councilId,
      supplierOrganisationId: overrides.supplierOrganisationId,
      contractManagerId: overrides.contractManagerId ?? null,
      reference: overrides.reference ?? unique("CON"),
      title: overrides.title ?? "Highways maintenance",
      department: overrides.department ?? "Environment, Transport and Infrastructure",
      valueGbp: overrides.valueGbp ?? 1_000_000,
      startDate,
      endDate: overrides.endDate ?? new Date("2028-03-31"),
      awardedOn: overrides.awardedOn === undefined ? new Date("2025-03-01") : overrides.awardedOn,
      status,
      planReference: overrides.planReference === undefined ? unique("PM3") : overrides.planReference,
      terminatedOn:
        overrides.terminatedOn !== undefined
          ? overrides.terminatedOn
          : status === "TERMINATED"
            ? startDate
            : null,
    },
  });
}

export async function createCommitment(overrides: {
  contractId: string;
  measureId: string;
  targetQuantity?: number | null;
  qualitativeText?: string | null;
  plan?: { financialYear: number; quarter: number; targetQuantity: number }[];
}) {
  const qualitative = overrides.qualitativeText != null;
  return db.commitment.create({
    data: {
      contractId: overrides.contractId,
      measureId: overrides.measureId,
      targetQuantity: qualitative ? null : (overrides.targetQuantity ?? 100),
      qualitativeText: overrides.qualitativeText ?? null,
      plan: overrides.plan ? { create: overrides.plan } : undefined,
    },
  });
}

/** A supplier of its own (so other tests' commitments and pledges do not change what it is suggested), one of its
 * people signed in, and a contract with one commitment of `target` to a measure counting `helpTypes`: what the
 * marketplace matches requests to. */
export async function createSupplierWithCommitment(options: {
  councilId: string;
  helpTypes: HelpType[];
  target: number;
  role?: MemberRole;
  status?: VerificationStatus;
  registeredPostcode?: string;
}) {
  const { councilId, role = "OWNER" } = options;
  const supplier = await createOrganisation({
    kind: "SUPPLIER",
    councilId,
    status: options.status,
    registeredPostcode: options.registeredPostcode,
  });
  const cookie = await sessionCookieFor((await createMember(supplier.id, role)).id);
  const measure = await createMeasure({ councilId, contributingHelpTypes: options.helpTypes });
  const contract = await createContract({ councilId, supplierOrganisationId: supplier.id });
  const commitment = await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: options.target,
  });
  return { supplier, cookie, measure, contract, commitment };
}

export async function createReturn(overrides: {
  contractId: string;
  financialYear?: number;
  quarter?: number;
  status?: ReturnStatus;
  dueDate?: Date;
}) {
  const financialYear = overrides.financialYear ?? 2026;
  const quarter = overrides.quarter ?? 1;
  const startMonth = 3 + (quarter - 1) * 3; // April = month 3
  const periodStart = new Date(Date.UTC(financialYear, startMonth, 1));
  const periodEnd = new Date(Date.UTC(financialYear, startMonth + 3, 0));
  return db.kpiReturn.create({
    data: {
      contractId: overrides.contractId,
      financialYear,
      quarter,
      periodStart,
      periodEnd,
      dueDate: overrides.dueDate ?? new Date(periodEnd.getTime() + 30 * 24 * 60 * 60 * 1000),
      status: overrides.status ?? "NOT_STARTED",
    },
  });
}

export async function createSurveyCycle(overrides: {
  councilId: string;
  year?: number;
  status?: SurveyCycleStatus;
  opensOn?: Date;
  closesOn?: Date;
  retentionMonths?: number;
}) {
  return db.surveyCycle.create({
    data: {
      councilId: overrides.councilId,
      year: overrides.year ?? 2026,
      opensOn: overrides.opensOn ?? daysFromNow(-10),
      closesOn: overrides.closesOn ?? daysFromNow(50),
      privacyNotice: "We use your answers to understand the barriers small businesses face.",
      dpiaReference: "DPIA-2026-014",
      retentionMonths: overrides.retentionMonths ?? 36,
      status: overrides.status ?? "OPEN",
    },
  });
}

export async function createSurveyResponse(overrides: {
  cycleId: string;
  organisationId: string;
  respondentUserId?: string;
  submitted?: boolean;
  protectedAnswers?: Record<string, string>;
  barriers?: string[];
  contactConsent?: boolean;
  contactConsentAnswer?: "YES" | "NO" | "PREFER_NOT_TO_SAY" | null;
  /** when the business consented and sent its answers (now by default): a closed survey's fall in its window */
  answeredAt?: Date;
}) {
  const answer = overrides.contactConsentAnswer ?? (overrides.contactConsent ? "YES" : null);
  const at = overrides.answeredAt ?? new Date();
  return db.surveyResponse.create({
    data: {
      cycleId: overrides.cycleId,
      organisationId: overrides.organisationId,
      respondentUserId: overrides.respondentUserId,
      status: overrides.submitted === false ? "IN_PROGRESS" : "SUBMITTED",
      consentGivenAt: at,
      submittedAt: overrides.submitted === false ? null : at,
      createdAt: at,
      staffHeadcountBand: "10_49",
      turnoverBand: "2M_10M",
      balanceSheetBand: "2M_10M",
      derivedSize: "SMALL",
      barriers: overrides.barriers ?? ["TOO_MUCH_PAPERWORK"],
      contactConsentAnswer: answer,
      contactConsent: answer === "YES",
      protectedAnswers: overrides.protectedAnswers
        ? { create: { answers: overrides.protectedAnswers } }
        : undefined,
    },
  });
}

export async function createSavedSearch(overrides: {
  userId: string;
  organisationId: string;
  filters?: Record<string, string>;
}) {
  return db.savedSearch.create({
    data: {
      userId: overrides.userId,
      organisationId: overrides.organisationId,
      name: "My search",
      filters: overrides.filters ?? { q: "laptops" },
    },
  });
}

export async function createGuidancePage(overrides: {
  councilId: string;
  slug?: string;
  title?: string;
  bodyMarkdown?: string;
}) {
  return db.guidancePage.create({
    data: {
      councilId: overrides.councilId,
      slug: overrides.slug ?? unique("page"),
      title: overrides.title ?? "How it works",
      bodyMarkdown: overrides.bodyMarkdown ?? "Post a need, suppliers pledge, you confirm.",
    },
  });
}

// A small world most integration tests start from: two councils and an organisation of each kind.
export async function createWorld() {
  const partnership = await createPartnership();
  const councilA = await createCouncil({ name: unique("Council A"), partnershipId: partnership.id });
  const councilB = await createCouncil({ name: unique("Council B"), partnershipId: partnership.id });
  const category = await createCategory(councilA.id, unique("Employment and skills"));
  const district = await createDistrict(councilA.id, unique("Guildford"));
  const vcse = await createOrganisation({ kind: "VCSE", councilId: councilA.id });
  const otherVcse = await createOrganisation({ kind: "VCSE", councilId: councilA.id });
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: councilA.id });
  const otherSupplier = await createOrganisation({ kind: "SUPPLIER", councilId: councilA.id });
  const users = {
    councilAdmin: await createMember(councilA.id, "ADMIN"),
    officerA: await createMember(councilA.id, "OFFICER"),
    officerB: await createMember(councilB.id, "OFFICER"),
    vcseOwner: await createMember(vcse.id, "OWNER"),
    vcseMember: await createMember(vcse.id, "MEMBER"),
    otherVcseOwner: await createMember(otherVcse.id, "OWNER"),
    supplierOwner: await createMember(supplier.id, "OWNER"),
    supplierMember: await createMember(supplier.id, "MEMBER"),
    otherSupplierOwner: await createMember(otherSupplier.id, "OWNER"),
    platformAdmin: await createUser({ isPlatformAdmin: true }),
  };
  return {
    partnership,
    councilA,
    councilB,
    category,
    district,
    vcse,
    otherVcse,
    supplier,
    otherSupplier,
    users,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** createWorld with one of its people signed in (`"councilAdmin"`, `"officerA"`...): the world and that person's
 * session cookie, the setup most page tests start from. */
export async function createWorldSignedInAs(who: keyof World["users"]) {
  const world = await createWorld();
  return { world, cookie: await sessionCookieFor(world.users[who].id) };
}
