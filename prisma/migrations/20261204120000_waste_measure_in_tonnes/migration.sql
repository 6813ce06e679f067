-- The default measure for waste diverted from landfill counts tonnes of waste, not tonnes of CO2e. Only the
-- measures still as the default library made them (code ENV-02, the default name, unit tonnes CO2e) move: a
-- measure a council has renamed or made its own keeps the unit it chose. Figures already recorded are the same
-- numbers in the same tonnes.
UPDATE "Measure"
SET "unit" = 'TONNES', "updatedAt" = now()
WHERE "code" = 'ENV-02'
  AND "name" = 'Waste diverted from landfill (tonnes)'
  AND "unit" = 'TONNES_CO2E';
