-- "Received or handled by U" is listed as two branches: received by U, and handled by U but received
-- elsewhere. The second branch walked every dossier U handles (and mostly received itself) to find
-- the few received by another commune: 9 ms of database time per page on the benchmark. Dossiers
-- handled where they were not received are a small minority, so their own partial indexes are small
-- and serve that branch directly; they replace the full handling-unit indexes.
DROP INDEX dossiers_handling;
DROP INDEX dossiers_handling_status;
CREATE INDEX dossiers_cross_handling ON dossiers (handling_unit, listed_at DESC, code DESC) WHERE handling_unit <> receiving_unit;
CREATE INDEX dossiers_cross_handling_status ON dossiers (handling_unit, status, listed_at DESC, code DESC)
    WHERE handling_unit <> receiving_unit;
