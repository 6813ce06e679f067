// The world the authorization matrix runs in: one actor per role, and records that belong to SOMEONE ELSE
// (another VCSE, another supplier, council A's contracts), so every allowed answer must be deliberate.
import crypto from "node:crypto";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
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
  createCouncil,
  createPartnership,
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
  // the owner of a supplier the council has not verified yet: may browse, may not pledge (PRODUCT.md)
  "pendingSupplier",
  "officerA",
  "officerB",
  // partnership-wide officer of council B (council A's partner), working for council A in the switcher
  "partnershipOfficer",
  // the same kind of member, with the switcher left on their own council B
  "partnershipOfficerAtB",
  // partnership-wide officer of a council outside council A's partnership, switcher cookie naming council A
  "outsideOfficer",
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
  const pendingSupplierOrganisation = await createOrganisation({
    kind: "SUPPLIER",
    councilId: councilA.id,
    status: "PENDING",
  });
  const pendingSupplier = await createMember(pendingSupplierOrganisation.id, "OWNER");
  // Partnership-wide members (decision 011) act as officers of every partner council, never as admins and never
  // with the partner's survey role: they hold council B's survey role to show that it does not carry over to A.
  const partnershipWideMember = async (councilId: string) => {
    const user = await createMember(councilId, "OFFICER", { surveyAccess: true });
    await db.membership.update({
      where: { userId_organisationId: { userId: user.id, organisationId: councilId } },
      data: { partnershipWide: true },
    });
    return user;
  };
  const otherPartnership = await createPartnership();
  const [councilC] = await Promise.all([
    createCouncil({ partnershipId: otherPartnership.id }),
    createCouncil({ partnershipId: otherPartnership.id }),
  ]);
  const [partnershipOfficer, partnershipOfficerAtB, outsideOfficer] = await Promise.all([
    partnershipWideMember(world.councilB.id),
    partnershipWideMember(world.councilB.id),
    partnershipWideMember(councilC.id),
  ]);

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
  // a measure the contract has no commitment to yet
  const spareMeasure = await createMeasure({ councilId: councilA.id });
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
  const submittedReturn = await createReturn({
    contractId: contract.id,
    financialYear: 2026,
    quarter: 1,
    status: "SUBMITTED",
  });
  // submitted (the review form names this version) so that a review can succeed
  const kpiReturn = await db.kpiReturn.update({
    where: { id: submittedReturn.id },
    data: { submittedAt: new Date(), submittedById: users.otherSupplierOwner.id, declarationAccepted: true },
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
  // council A's members page: officer A's membership, and an invitation council A's admin sent
  const officerAMembership = await db.membership.findUniqueOrThrow({
    where: { userId_organisationId: { userId: users.officerA.id, organisationId: councilA.id } },
  });
  const councilInvitation = await db.invitation.create({
    data: {
      organisationId: councilA.id,
      email: "new-officer@example.test",
      role: "OFFICER",
      tokenHash: sha256(crypto.randomBytes(32).toString("base64url")),
      invitedById: users.councilAdmin.id,
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
    pendingSupplier,
    officerA: users.officerA,
    officerB: users.officerB,
    partnershipOfficer,
    partnershipOfficerAtB,
    outsideOfficer,
    councilAdmin: users.councilAdmin,
    platformAdmin: users.platformAdmin,
  };
  const cookies = {} as Record<Role, string | undefined>;
  cookies.anonymous = undefined;
  await Promise.all(
    Object.entries(actors).map(async ([role, user]) => {
      cookies[role as Role] = await sessionCookieFor(user.id);
    }),
  );
  // the organisation switcher's choice, as the browser sends it
  const actingFor = (councilId: string) => `; ${ORGANISATION_COOKIE}=${councilId}`;
  cookies.partnershipOfficer += actingFor(councilA.id);
  cookies.outsideOfficer += actingFor(councilA.id);

  return {
    ...world,
    pendingOrganisation,
    pendingSupplierOrganisation,
    councilC,
    openRequest,
    draftRequest,
    submittedRequest,
    measure,
    spareMeasure,
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
    officerAMembership,
    councilInvitation,
    surveyInvitationToken,
    outboxEmail,
    cookies,
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof createMatrixWorld>>;
