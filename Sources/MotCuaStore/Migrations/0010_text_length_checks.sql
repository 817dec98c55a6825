-- Free text has the contract's length limits in the database too, a second line behind the request
-- validation: a handler that forgets a check cannot store a megabyte of text in a name.
-- Lengths count characters, as the contract does. Each constraint is added NOT VALID (instant) and
-- then validated, which scans the table without blocking writes.

ALTER TABLE users ADD CONSTRAINT users_full_name_length CHECK (char_length(full_name) BETWEEN 1 AND 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_full_name_length;

ALTER TABLE procedure_versions
    ADD CONSTRAINT procedure_versions_text_lengths CHECK (
        char_length(name) BETWEEN 1 AND 500 AND char_length(field) BETWEEN 1 AND 200
        AND char_length(fee_description) <= 500 AND char_length(legal_basis) <= 2000 AND char_length(result) <= 500) NOT VALID;
ALTER TABLE procedure_versions VALIDATE CONSTRAINT procedure_versions_text_lengths;

ALTER TABLE procedures
    ADD CONSTRAINT procedures_text_lengths CHECK (char_length(name) BETWEEN 1 AND 500 AND char_length(field) BETWEEN 1 AND 200) NOT VALID;
ALTER TABLE procedures VALIDATE CONSTRAINT procedures_text_lengths;

ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_name_length CHECK (char_length(name) BETWEEN 1 AND 200) NOT VALID;
ALTER TABLE calendar_days VALIDATE CONSTRAINT calendar_days_name_length;

ALTER TABLE dossiers
    ADD CONSTRAINT dossiers_text_lengths CHECK (char_length(applicant_name) BETWEEN 1 AND 200 AND char_length(note) <= 2000) NOT VALID;
ALTER TABLE dossiers VALIDATE CONSTRAINT dossiers_text_lengths;

ALTER TABLE dossier_events ADD CONSTRAINT dossier_events_reason_length CHECK (char_length(reason) <= 2000) NOT VALID;
ALTER TABLE dossier_events VALIDATE CONSTRAINT dossier_events_reason_length;

ALTER TABLE dossier_steps ADD CONSTRAINT dossier_steps_step_name_length CHECK (char_length(step_name) BETWEEN 1 AND 200) NOT VALID;
ALTER TABLE dossier_steps VALIDATE CONSTRAINT dossier_steps_step_name_length;

ALTER TABLE supplement_requests ADD CONSTRAINT supplement_requests_reason_length CHECK (char_length(reason) BETWEEN 1 AND 2000) NOT VALID;
ALTER TABLE supplement_requests VALIDATE CONSTRAINT supplement_requests_reason_length;

ALTER TABLE dossier_payments ADD CONSTRAINT dossier_payments_description_length CHECK (char_length(description) <= 500) NOT VALID;
ALTER TABLE dossier_payments VALIDATE CONSTRAINT dossier_payments_description_length;

ALTER TABLE dossier_ratings ADD CONSTRAINT dossier_ratings_comment_length CHECK (char_length(comment) <= 2000) NOT VALID;
ALTER TABLE dossier_ratings VALIDATE CONSTRAINT dossier_ratings_comment_length;
