-- A unit for weights that are not carbon: the default measure "Waste diverted from landfill (tonnes)" had only
-- "tonnes CO2e" to choose, so its figures read as carbon saved. The next migration moves that measure over (a new
-- enum value cannot be used in the transaction that adds it).
-- AlterEnum
ALTER TYPE "MeasureUnit" ADD VALUE 'TONNES' BEFORE 'TONNES_CO2E';
