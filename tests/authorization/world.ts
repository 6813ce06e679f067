// The world the authorization matrix runs in: one actor per role, and records that belong to SOMEONE ELSE
// (another VCSE, another supplier, council A's contracts), so every allowed answer must be deliberate.
import crypto from "node:crypto";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createGuidancePage,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createSavedSearch,
  createSurveyCycle,
  createSurveyResponse,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";

export const ROLES = [
  "anonymous",
  "vcseOwner",
  "vcseMember",
  "supplierOwner",
  "supplierMember",
  "pendingOwner",
  "officerA",
  "officerB",
  "councilAdmin",
  "platformAdmin",
] as const;
export type Role = (typeof ROLES)[number];

export async function createMatrixWorld() {
  const world = await createWorld();
  const { councilA, category, district, otherVcse, otherSupplier, users } = world;
  // council A's admin also holds the survey role; officer A does not
  await db.membership.update({
    where: { userId_organisationId: { userId: users.councilAdmin.id, organisationId: councilA.id } },
    data: { surveyAccess: true },
  });
  const pendingOrganisation = await createOrganisation({
    kind: "VCSE",
    councilId: councilA.id,
    status: "PENDING",
  });
  const pendingOwner = await createMember(pendingOrganisation.id, "OWNER");

  // records owned by someone other than every actor below (except the council A staff who oversee them)
  const openRequest = await createRequest({
    councilId: councilA.id,
    organisationId: otherVcse.id,
    categoryId: category.id,
    districtId: district.id,
    createdById: users.otherVcseOwner.id,
    quantity: 40,
    pledgedQuantity: 5,
    status: "PARTIALLY_PLEDGED",
  });
  const draftRequest = await createRequest({
    councilId: councilA.id,
    organisationId: otherVcse.id,
    categoryId: category.id,
    createdById: users.otherVcseOwner.id,
    status: "DRAFT",
  });
  const submittedRequest = await createRequest({
    councilId: councilA.id,
    organisationId: otherVcse.id,
    categoryId: category.id,
    createdById: users.otherVcseOwner.id,
    status: "SUBMITTED",
  });
  const measure = await createMeasure({ councilId: councilA.id });
  const contract = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: otherSupplier.id,
    contractManagerId: users.officerA.id,
  });
  const commitment = await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 100,
    plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 100 }],
  });
  const pledge = await createPledge({
    requestId: openRequest.id,
    supplierOrganisationId: otherSupplier.id,
    createdById: users.otherSupplierOwner.id,
    commitmentId: commitment.id,
    quantity: 5,
    status: "OFFERED",
  });
  const kpiReturn = await createReturn({
    contractId: contract.id,
    financialYear: 2026,
    quarter: 1,
    status: "SUBMITTED",
  });
  const returnLine = await db.kpiReturnLine.create({
    data: { returnId: kpiReturn.id, commitmentId: commitment.id, quantity: 10, note: "Hours logged" },
  });
  const evidence = await db.evidenceFile.create({
    data: {
      returnLineId: returnLine.id,
      storageKey: `matrix-${returnLine.id}`,
      originalName: "timesheet.pdf",
      contentType: "application/pdf",
      sizeBytes: 10,
      sha256: "0".repeat(64),
    },
  });
  const surveyCycle = await createSurveyCycle({ councilId: councilA.id });
  const surveyResponse = await createSurveyResponse({
    cycleId: surveyCycle.id,
    organisationId: otherSupplier.id,
    respondentUserId: users.otherSupplierOwner.id,
    protectedAnswers: { race: "PREFER_NOT_TO_SAY" },
  });
  const guidancePage = await createGuidancePage({ councilId: councilA.id, slug: "how-it-works" });
  const savedSearch = await createSavedSearch({
    userId: users.otherSupplierOwner.id,
    organisationId: otherSupplier.id,
  });
  const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");
  // an invitation to the other VCSE for someone who is none of the actors
  const invitationToken = crypto.randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      organisationId: otherVcse.id,
      email: "invitee@example.test",
      role: "MEMBER",
      tokenHash: sha256(invitationToken),
      invitedById: users.otherVcseOwner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  // a survey invitation sent to the other supplier
  const surveyInvitationToken = crypto.randomBytes(32).toString("base64url");
  await db.surveyInvitation.create({
    data: {
      cycleId: surveyCycle.id,
      organisationId: otherSupplier.id,
      email: "owner@other-supplier.example",
      tokenHash: sha256(surveyInvitationToken),
    },
  });
  const outboxEmail = await db.emailOutbox.create({
    data: {
      to: "someone@example.test",
      subject: "Hello",
      html: "<p>Hello</p>",
      text: "Hello",
      template: "test",
    },
  });

  const actors: Record<Exclude<Role, "anonymous">, { id: string }> = {
    vcseOwner: users.vcseOwner,
    vcseMember: users.vcseMember,
    supplierOwner: users.supplierOwner,
    supplierMember: users.supplierMember,
    pendingOwner,
    officerA: users.officerA,
    officerB: users.officerB,
    councilAdmin: users.councilAdmin,
    platformAdmin: users.platformAdmin,
  };
  const cookies = {} as Record<Role, string | undefined>;
  cookies.anonymous = undefined;
  for (const [role, user] of Object.entries(actors)) cookies[role as Role] = await sessionCookieFor(user.id);

  return {
    ...world,
    pendingOrganisation,
    openRequest,
    draftRequest,
    submittedRequest,
    measure,
    contract,
    commitment,
    pledge,
    kpiReturn,
    returnLine,
    evidence,
    surveyCycle,
    surveyResponse,
    guidancePage,
    savedSearch,
    invitation,
    invitationToken,
    surveyInvitationToken,
    outboxEmail,
    cookies,
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof createMatrixWorld>>;
