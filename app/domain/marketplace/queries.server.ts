// Reading requests and pledges for each kind of viewer. Public reads select public fields only: never the
// requestor's contact details, contact preference, or who created the request.
import { db } from "~/db.server.ts";
import { PUBLISHED_STATUSES } from "./request-lifecycle.ts";

const publicRequestSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  helpType: true,
  quantity: true,
  pledgedQuantity: true,
  unitLabel: true,
  isRemote: true,
  postcodeArea: true,
  neededBy: true,
  beneficiaries: true,
  beneficiaryCount: true,
  publishedAt: true,
  organisationId: true,
  councilId: true,
  organisation: { select: { name: true } },
  category: { select: { name: true } },
  district: { select: { name: true } },
  council: { select: { name: true } },
} as const;

// The public request page: published requests for everyone; the requestor, its council and suppliers that
// pledged to it also see it once closed.
export async function getRequestPage(
  id: string,
  viewerOrganisationIds: string[],
  viewerCouncilIds: string[],
) {
  const request = await db.request.findFirst({
    where: {
      id,
      OR: [
        { status: { in: PUBLISHED_STATUSES } },
        { organisationId: { in: viewerOrganisationIds } },
        { councilId: { in: viewerCouncilIds }, status: { not: "DRAFT" } },
        // a supplier can still read a request it pledged to after it closed
        { pledges: { some: { supplierOrganisationId: { in: viewerOrganisationIds } } } },
      ],
    },
    select: publicRequestSelect,
  });
  if (!request) return null;
  const events = await db.requestEvent.findMany({
    where: { requestId: id },
    orderBy: { createdAt: "asc" },
    select: { id: true, toStatus: true, createdAt: true },
  });
  return { request, events };
}

// Everything the requestor needs to manage its own request (404 for anyone else: filtered in the query).
export async function getManagedRequest(id: string, organisationIds: string[]) {
  return db.request.findFirst({
    where: { id, organisationId: { in: organisationIds } },
    select: {
      ...publicRequestSelect,
      contactPreference: true,
      moderationComment: true,
      extendedAt: true,
      showcaseConsent: true,
      categoryId: true,
      districtId: true,
      pledges: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          quantity: true,
          message: true,
          expectedDeliveryDate: true,
          deliveredQuantity: true,
          deliveredOn: true,
          deliveryNote: true,
          decisionReason: true,
          rating: true,
          feedback: true,
          disputeReason: true,
          createdAt: true,
          supplierOrganisation: { select: { name: true } },
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}

// The request as its requestor edits it (only while a draft or when changes were requested).
export function getEditableRequest(id: string, organisationIds: string[]) {
  return db.request.findFirst({
    where: { id, organisationId: { in: organisationIds } },
    select: {
      id: true,
      status: true,
      organisationId: true,
      title: true,
      description: true,
      councilId: true,
      categoryId: true,
      helpType: true,
      quantity: true,
      unitLabel: true,
      districtId: true,
      postcodeArea: true,
      isRemote: true,
      neededBy: true,
      beneficiaries: true,
      beneficiaryCount: true,
      contactPreference: true,
      moderationComment: true,
    },
  });
}

export function listOrganisationRequests(organisationId: string) {
  return db.request.findMany({
    where: { organisationId },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      helpType: true,
      quantity: true,
      pledgedQuantity: true,
      unitLabel: true,
      neededBy: true,
      _count: { select: { pledges: { where: { status: { in: ["OFFERED", "DELIVERED"] } } } } },
    },
  });
}

export function moderationQueue(councilId: string) {
  return db.request.findMany({
    where: { councilId, status: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    take: 200,
    select: {
      id: true,
      title: true,
      submittedAt: true,
      helpType: true,
      organisation: { select: { name: true, status: true } },
      category: { select: { name: true } },
    },
  });
}

// An officer reads the whole request of their own council, including the contact preference.
export function getModerationRequest(id: string, councilIds: string[]) {
  return db.request.findFirst({
    where: { id, councilId: { in: councilIds }, status: { not: "DRAFT" } },
    select: {
      ...publicRequestSelect,
      contactPreference: true,
      moderationComment: true,
      organisation: { select: { name: true, status: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}

export function listSupplierPledges(supplierOrganisationId: string) {
  return db.pledge.findMany({
    where: { supplierOrganisationId },
    orderBy: { createdAt: "desc" },
    take: 300,
    select: {
      id: true,
      status: true,
      quantity: true,
      deliveredQuantity: true,
      expectedDeliveryDate: true,
      createdAt: true,
      request: { select: { id: true, title: true, helpType: true, unitLabel: true } },
    },
  });
}

// A pledge is visible to its supplier and to the requestor it was made to; nobody else.
export function getPledgePage(id: string, organisationIds: string[]) {
  return db.pledge.findFirst({
    where: {
      id,
      OR: [
        { supplierOrganisationId: { in: organisationIds } },
        { request: { organisationId: { in: organisationIds } } },
      ],
    },
    select: {
      id: true,
      status: true,
      quantity: true,
      message: true,
      expectedDeliveryDate: true,
      deliveredQuantity: true,
      deliveredOn: true,
      deliveryNote: true,
      decisionReason: true,
      disputeReason: true,
      rating: true,
      feedback: true,
      supplierOrganisationId: true,
      supplierOrganisation: { select: { name: true } },
      commitment: {
        select: { measure: { select: { name: true } }, contract: { select: { reference: true } } },
      },
      request: { select: { id: true, title: true, helpType: true, unitLabel: true, organisationId: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}
