-- The other councils a request is for, besides its lead council (Request.councilId, which moderates it, gives
-- its category and counts it on dashboards). A partnership need lists under each council named here too, and a
-- supplier may count a pledge towards its contracts with any of them (decision 050). Rows go with the request.
-- The index on councilId serves the public list council filter, an EXISTS on this table.
CREATE TABLE "RequestAlsoFor" (
    "requestId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,

    CONSTRAINT "RequestAlsoFor_pkey" PRIMARY KEY ("requestId","councilId")
);

CREATE INDEX "RequestAlsoFor_councilId_idx" ON "RequestAlsoFor"("councilId");

ALTER TABLE "RequestAlsoFor" ADD CONSTRAINT "RequestAlsoFor_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RequestAlsoFor" ADD CONSTRAINT "RequestAlsoFor_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
