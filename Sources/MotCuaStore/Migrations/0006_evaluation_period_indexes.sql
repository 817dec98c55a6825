-- A period's dossiers (received before its end and not finished before its start) are read in two
-- index range scans: those finished since the start, and those still open. The indexes of 0005 on
-- (unit, received_at) had to visit every dossier a unit ever received to find them.
DROP INDEX dossiers_handling_received;
DROP INDEX dossiers_province_received;
CREATE INDEX dossiers_handling_finished ON dossiers (handling_unit, finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX dossiers_province_finished ON dossiers (province, finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX dossiers_handling_open ON dossiers (handling_unit, received_at) WHERE finished_at IS NULL AND received_at IS NOT NULL;
CREATE INDEX dossiers_province_open ON dossiers (province, received_at) WHERE finished_at IS NULL AND received_at IS NOT NULL;
-- 766 indicator 1.4 counts dossiers whose changes reached the portal.
CREATE INDEX outbox_delivered ON outbox (dossier_id) WHERE delivered_at IS NOT NULL;
