-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COUNCIL', 'SUPPLIER', 'VCSE');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('ADMIN', 'OFFICER', 'OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "BusinessSize" AS ENUM ('MICRO', 'SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'EMAIL_CHANGE');

-- CreateEnum
CREATE TYPE "HelpType" AS ENUM ('VOLUNTEERING', 'GOODS', 'EXPERTISE', 'FUNDING', 'WORK_PLACEMENT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'OPEN', 'PARTIALLY_PLEDGED', 'FULLY_PLEDGED', 'FULFILLED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PledgeStatus" AS ENUM ('OFFERED', 'ACCEPTED', 'DECLINED', 'DELIVERED', 'CONFIRMED', 'DISPUTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "MeasureTheme" AS ENUM ('JOBS', 'GROWTH', 'SOCIAL', 'ENVIRONMENT', 'INNOVATION');

-- CreateEnum
CREATE TYPE "MeasureUnit" AS ENUM ('PEOPLE', 'HOURS', 'WEEKS', 'GBP', 'PERCENT', 'COUNT', 'TONNES_CO2E', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('PIPELINE', 'ACTIVE', 'ENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'QUERIED');

-- CreateEnum
CREATE TYPE "SurveyCycleStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyResponseStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "GuidanceAudience" AS ENUM ('SUPPLIER', 'REQUESTOR', 'EVERYONE');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "emailVerifiedAt" TIMESTAMP(3),
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "status" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" TEXT,
    "rejectionReason" TEXT,
    "councilId" TEXT,
    "partnershipId" TEXT,
    "charityNumber" TEXT,
    "description" TEXT,
    "areaServed" TEXT,
    "companyNumber" TEXT,
    "registeredPostcode" TEXT,
    "staffHeadcount" INTEGER,
    "turnoverBand" TEXT,
    "balanceSheetBand" TEXT,
    "businessSize" "BusinessSize",
    "contactEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "surveyAccess" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "secretHash" BYTEA NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "newEmail" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilSettings" (
    "organisationId" TEXT NOT NULL,
    "returnDueDays" INTEGER NOT NULL DEFAULT 30,
    "reminderDaysBefore" INTEGER NOT NULL DEFAULT 7,
    "overdueReminderDays" INTEGER NOT NULL DEFAULT 7,
    "brandColour" TEXT NOT NULL DEFAULT '#1d3d7a',
    "postcodeAreas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "proxyValueSource" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postcodeAreas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "helpType" "HelpType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "pledgedQuantity" INTEGER NOT NULL DEFAULT 0,
    "unitLabel" TEXT,
    "districtId" TEXT,
    "postcodeArea" TEXT,
    "isRemote" BOOLEAN NOT NULL DEFAULT false,
    "neededBy" DATE NOT NULL,
    "extendedAt" TIMESTAMP(3),
    "beneficiaries" TEXT,
    "beneficiaryCount" INTEGER,
    "contactPreference" TEXT,
    "showcaseConsent" BOOLEAN NOT NULL DEFAULT false,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "moderationComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "searchVector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("description", '')), 'B') ||
        setweight(to_tsvector('english', coalesce("beneficiaries", '')), 'C')
    ) STORED,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus" NOT NULL,
    "actorUserId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "supplierOrganisationId" TEXT NOT NULL,
    "createdById" TEXT,
    "commitmentId" TEXT,
    "quantity" INTEGER NOT NULL,
    "message" TEXT,
    "expectedDeliveryDate" DATE,
    "status" "PledgeStatus" NOT NULL DEFAULT 'OFFERED',
    "decisionReason" TEXT,
    "deliveredQuantity" INTEGER,
    "deliveredOn" DATE,
    "deliveryNote" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "feedback" TEXT,
    "disputeReason" TEXT,
    "submissionKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeEvent" (
    "id" TEXT NOT NULL,
    "pledgeId" TEXT NOT NULL,
    "fromStatus" "PledgeStatus",
    "toStatus" "PledgeStatus" NOT NULL,
    "actorUserId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "emailDigest" BOOLEAN NOT NULL DEFAULT true,
    "lastDigestAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "theme" "MeasureTheme" NOT NULL,
    "frameworkMapping" TEXT,
    "unit" "MeasureUnit" NOT NULL,
    "helpText" TEXT,
    "contributingHelpTypes" "HelpType"[] DEFAULT ARRAY[]::"HelpType"[],
    "proxyValueGbp" DECIMAL(14,2),
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "supplierOrganisationId" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "contractManagerId" TEXT,
    "valueGbp" DECIMAL(14,2) NOT NULL,
    "awardedOn" DATE,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "planReference" TEXT,
    "status" "ContractStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "targetQuantity" DECIMAL(14,2),
    "qualitativeText" TEXT,
    "narrative" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentPlan" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "financialYear" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "targetQuantity" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "CommitmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiReturn" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "financialYear" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "declarationAccepted" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT,
    "openedNoticeSentAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "overdueNoticeSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiReturnLine" (
    "id" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "quantity" DECIMAL(14,2),
    "narrative" TEXT,
    "note" TEXT,
    "evidenceUrl" TEXT,
    "queryComment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiReturnLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "returnLineId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiReturnEvent" (
    "id" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "fromStatus" "ReturnStatus",
    "toStatus" "ReturnStatus" NOT NULL,
    "actorUserId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiReturnEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyCycle" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "privacyNotice" TEXT NOT NULL,
    "dpiaReference" TEXT NOT NULL,
    "retentionMonths" INTEGER NOT NULL DEFAULT 36,
    "status" "SurveyCycleStatus" NOT NULL DEFAULT 'DRAFT',
    "closedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT,
    "respondentUserId" TEXT,
    "status" "SurveyResponseStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "consentGivenAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "staffHeadcountBand" TEXT,
    "turnoverBand" TEXT,
    "balanceSheetBand" TEXT,
    "derivedSize" "BusinessSize",
    "barriers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "barriersOther" TEXT,
    "councilCouldDo" TEXT,
    "meetTheBuyerInterest" TEXT,
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyProtectedAnswers" (
    "responseId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyProtectedAnswers_pkey" PRIMARY KEY ("responseId")
);

-- CreateTable
CREATE TABLE "GuidancePage" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "audience" "GuidanceAudience" NOT NULL DEFAULT 'EVERYONE',
    "bodyMarkdown" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuidancePage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "councilId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "providerId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorUserId" TEXT,
    "organisationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB,
    "ipAddress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" JSONB,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_name_key" ON "Partnership"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Organisation_kind_status_idx" ON "Organisation"("kind", "status");

-- CreateIndex
CREATE INDEX "Organisation_councilId_status_idx" ON "Organisation"("councilId", "status");

-- CreateIndex
CREATE INDEX "Organisation_partnershipId_idx" ON "Organisation"("partnershipId");

-- CreateIndex
CREATE INDEX "Membership_organisationId_role_idx" ON "Membership"("organisationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_purpose_idx" ON "UserToken"("userId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organisationId_idx" ON "Invitation"("organisationId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Category_councilId_slug_key" ON "Category"("councilId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Category_councilId_name_key" ON "Category"("councilId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "District_councilId_name_key" ON "District"("councilId", "name");

-- CreateIndex
CREATE INDEX "Request_status_publishedAt_idx" ON "Request"("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Request_status_neededBy_idx" ON "Request"("status", "neededBy");

-- CreateIndex
CREATE INDEX "Request_councilId_status_idx" ON "Request"("councilId", "status");

-- CreateIndex
CREATE INDEX "Request_organisationId_status_idx" ON "Request"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Request_categoryId_status_idx" ON "Request"("categoryId", "status");

-- CreateIndex
CREATE INDEX "Request_districtId_status_idx" ON "Request"("districtId", "status");

-- CreateIndex
CREATE INDEX "Request_helpType_status_idx" ON "Request"("helpType", "status");

-- CreateIndex
CREATE INDEX "Request_searchVector_idx" ON "Request" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_createdAt_idx" ON "RequestEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Pledge_requestId_status_idx" ON "Pledge"("requestId", "status");

-- CreateIndex
CREATE INDEX "Pledge_supplierOrganisationId_status_idx" ON "Pledge"("supplierOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Pledge_commitmentId_status_idx" ON "Pledge"("commitmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_supplierOrganisationId_submissionKey_key" ON "Pledge"("supplierOrganisationId", "submissionKey");

-- CreateIndex
CREATE INDEX "PledgeEvent_pledgeId_createdAt_idx" ON "PledgeEvent"("pledgeId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "SavedSearch_emailDigest_lastDigestAt_idx" ON "SavedSearch"("emailDigest", "lastDigestAt");

-- CreateIndex
CREATE INDEX "Measure_councilId_retiredAt_idx" ON "Measure"("councilId", "retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_councilId_code_key" ON "Measure"("councilId", "code");

-- CreateIndex
CREATE INDEX "Contract_councilId_department_idx" ON "Contract"("councilId", "department");

-- CreateIndex
CREATE INDEX "Contract_councilId_status_idx" ON "Contract"("councilId", "status");

-- CreateIndex
CREATE INDEX "Contract_supplierOrganisationId_idx" ON "Contract"("supplierOrganisationId");

-- CreateIndex
CREATE INDEX "Contract_contractManagerId_idx" ON "Contract"("contractManagerId");

-- CreateIndex
CREATE INDEX "Contract_councilId_awardedOn_idx" ON "Contract"("councilId", "awardedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_councilId_reference_key" ON "Contract"("councilId", "reference");

-- CreateIndex
CREATE INDEX "Commitment_measureId_idx" ON "Commitment"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_contractId_measureId_key" ON "Commitment"("contractId", "measureId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentPlan_commitmentId_financialYear_quarter_key" ON "CommitmentPlan"("commitmentId", "financialYear", "quarter");

-- CreateIndex
CREATE INDEX "KpiReturn_status_dueDate_idx" ON "KpiReturn"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "KpiReturn_contractId_financialYear_quarter_key" ON "KpiReturn"("contractId", "financialYear", "quarter");

-- CreateIndex
CREATE INDEX "KpiReturnLine_commitmentId_idx" ON "KpiReturnLine"("commitmentId");

-- CreateIndex
CREATE UNIQUE INDEX "KpiReturnLine_returnId_commitmentId_key" ON "KpiReturnLine"("returnId", "commitmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_storageKey_key" ON "EvidenceFile"("storageKey");

-- CreateIndex
CREATE INDEX "EvidenceFile_returnLineId_idx" ON "EvidenceFile"("returnLineId");

-- CreateIndex
CREATE INDEX "KpiReturnEvent_returnId_createdAt_idx" ON "KpiReturnEvent"("returnId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCycle_councilId_year_key" ON "SurveyCycle"("councilId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_tokenHash_key" ON "SurveyInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "SurveyInvitation_cycleId_idx" ON "SurveyInvitation"("cycleId");

-- CreateIndex
CREATE INDEX "SurveyResponse_cycleId_status_idx" ON "SurveyResponse"("cycleId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_cycleId_organisationId_key" ON "SurveyResponse"("cycleId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "GuidancePage_councilId_slug_key" ON "GuidancePage"("councilId", "slug");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_to_createdAt_idx" ON "EmailOutbox"("to", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_organisationId_createdAt_idx" ON "AuditLog"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_createdAt_idx" ON "AuditLog"("actorUserId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_name_periodKey_key" ON "JobRun"("name", "periodKey");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_supplierOrganisationId_fkey" FOREIGN KEY ("supplierOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeEvent" ADD CONSTRAINT "PledgeEvent_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeEvent" ADD CONSTRAINT "PledgeEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_supplierOrganisationId_fkey" FOREIGN KEY ("supplierOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_contractManagerId_fkey" FOREIGN KEY ("contractManagerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentPlan" ADD CONSTRAINT "CommitmentPlan_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturn" ADD CONSTRAINT "KpiReturn_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturn" ADD CONSTRAINT "KpiReturn_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturn" ADD CONSTRAINT "KpiReturn_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturnLine" ADD CONSTRAINT "KpiReturnLine_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "KpiReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturnLine" ADD CONSTRAINT "KpiReturnLine_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_returnLineId_fkey" FOREIGN KEY ("returnLineId") REFERENCES "KpiReturnLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturnEvent" ADD CONSTRAINT "KpiReturnEvent_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "KpiReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReturnEvent" ADD CONSTRAINT "KpiReturnEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyCycle" ADD CONSTRAINT "SurveyCycle_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "SurveyCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "SurveyCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_respondentUserId_fkey" FOREIGN KEY ("respondentUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyProtectedAnswers" ADD CONSTRAINT "SurveyProtectedAnswers_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidancePage" ADD CONSTRAINT "GuidancePage_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidancePage" ADD CONSTRAINT "GuidancePage_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules the database holds itself (Prisma cannot express check constraints).
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_returnDueDays_range" CHECK ("returnDueDays" BETWEEN 0 AND 365);
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_reminderDaysBefore_range" CHECK ("reminderDaysBefore" BETWEEN 0 AND 90);
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_overdueReminderDays_range" CHECK ("overdueReminderDays" BETWEEN 1 AND 90);
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_staffHeadcount_nonnegative" CHECK ("staffHeadcount" IS NULL OR "staffHeadcount" >= 0);
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_council_has_no_council" CHECK ("kind" <> 'COUNCIL' OR "councilId" IS NULL);
ALTER TABLE "Request" ADD CONSTRAINT "Request_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Request" ADD CONSTRAINT "Request_pledgedQuantity_within_quantity" CHECK ("pledgedQuantity" >= 0 AND "pledgedQuantity" <= "quantity");
ALTER TABLE "Request" ADD CONSTRAINT "Request_beneficiaryCount_nonnegative" CHECK ("beneficiaryCount" IS NULL OR "beneficiaryCount" >= 0);
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_deliveredQuantity_nonnegative" CHECK ("deliveredQuantity" IS NULL OR "deliveredQuantity" >= 0);
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_proxyValueGbp_nonnegative" CHECK ("proxyValueGbp" IS NULL OR "proxyValueGbp" >= 0);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_dates_ordered" CHECK ("endDate" >= "startDate");
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_valueGbp_nonnegative" CHECK ("valueGbp" >= 0);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_target_nonnegative" CHECK ("targetQuantity" IS NULL OR "targetQuantity" >= 0);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_numeric_or_qualitative" CHECK ("targetQuantity" IS NOT NULL OR "qualitativeText" IS NOT NULL);
ALTER TABLE "CommitmentPlan" ADD CONSTRAINT "CommitmentPlan_quarter_range" CHECK ("quarter" BETWEEN 1 AND 4);
ALTER TABLE "CommitmentPlan" ADD CONSTRAINT "CommitmentPlan_target_nonnegative" CHECK ("targetQuantity" >= 0);
ALTER TABLE "KpiReturn" ADD CONSTRAINT "KpiReturn_quarter_range" CHECK ("quarter" BETWEEN 1 AND 4);
ALTER TABLE "KpiReturn" ADD CONSTRAINT "KpiReturn_period_ordered" CHECK ("periodEnd" >= "periodStart" AND "dueDate" >= "periodEnd");
ALTER TABLE "KpiReturnLine" ADD CONSTRAINT "KpiReturnLine_quantity_nonnegative" CHECK ("quantity" IS NULL OR "quantity" >= 0);
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_size_range" CHECK ("sizeBytes" > 0 AND "sizeBytes" <= 10485760);
ALTER TABLE "SurveyCycle" ADD CONSTRAINT "SurveyCycle_dates_ordered" CHECK ("closesOn" >= "opensOn");
ALTER TABLE "SurveyCycle" ADD CONSTRAINT "SurveyCycle_retention_positive" CHECK ("retentionMonths" > 0);
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_attempts_nonnegative" CHECK ("attempts" >= 0);

-- Case-insensitive lookups used by the contract and organisation search boxes.
CREATE INDEX "Contract_reference_title_lower_idx" ON "Contract" (lower("reference"), lower("title"));
