-- A request placed by postcode area alone is now filed under the district of its council that lists that area
-- (requests.server.ts, districtOf), so the marketplace's district filter stays one indexed equality on
-- "districtId". Requests saved before are filed the same way here, as fileRequestsByPostcodeArea does when a
-- council changes its districts. A district the requestor chose is left as chosen. "updatedAt" is not touched:
-- nobody changed these requests.
UPDATE "Request" r
SET "districtId" = (SELECT d.id FROM "District" d
                    WHERE d."councilId" = r."councilId" AND d.active AND r."postcodeArea" = ANY(d."postcodeAreas")
                    ORDER BY d.name, d.id LIMIT 1)
WHERE r."districtId" IS NULL AND r."postcodeArea" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "District" d
              WHERE d."councilId" = r."councilId" AND d.active AND r."postcodeArea" = ANY(d."postcodeAreas"));
