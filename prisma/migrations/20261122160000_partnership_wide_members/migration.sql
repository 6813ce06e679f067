-- A council's admins may let one of their members work for every council in the partnership with one login
-- (as an officer there: each partner's own admins keep its settings, members and survey access).
ALTER TABLE "Membership" ADD COLUMN "partnershipWide" BOOLEAN NOT NULL DEFAULT false;
