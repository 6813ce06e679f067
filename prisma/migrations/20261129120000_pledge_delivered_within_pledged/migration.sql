-- A supplier reports at most what it pledged: the request's pledged total, the commitment's delivered total and
-- the impact figures all count a pledge once, at no more than its share of the request.
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_deliveredQuantity_within_quantity"
  CHECK ("deliveredQuantity" IS NULL OR ("deliveredQuantity" >= 0 AND "deliveredQuantity" <= "quantity"));
