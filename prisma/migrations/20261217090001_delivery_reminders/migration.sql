-- The reminders to confirm or dispute a delivery a supplier reported and the requestor has not answered
-- (decision 053): one row for each reminder sent, written in the transaction that puts it in the outbox. The
-- unique key on the delivery report (its PledgeEvent) and the reminder's stage is what sends each one once,
-- whichever instance or re-run gets there first. Rows go with the pledge's history.
CREATE TABLE "DeliveryReminder" (
    "id" TEXT NOT NULL,
    "deliveryEventId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryReminder_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DeliveryReminder_deliveryEventId_stage_key" ON "DeliveryReminder"("deliveryEventId", "stage");

ALTER TABLE "DeliveryReminder" ADD CONSTRAINT "DeliveryReminder_deliveryEventId_fkey" FOREIGN KEY ("deliveryEventId") REFERENCES "PledgeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- two reminders, a week and three weeks after the report (DELIVERY_REMINDER_DAYS)
ALTER TABLE "DeliveryReminder" ADD CONSTRAINT "DeliveryReminder_stage_range" CHECK ("stage" IN (1, 2));
