-- What the service settings refuse, the database refuses too, so no other
-- write path (an import, a script) stores a service no patient could book:
-- a negative price, no kind of visit, no days to book in, negative notice.
ALTER TABLE "Service" ADD CONSTRAINT "Service_terms_check" CHECK (
    "priceCents" >= 0
    AND cardinality("visitModes") > 0
    AND "horizonDays" > 0
    AND "minNoticeMinutes" >= 0
    AND "cancelCutoffMinutes" >= 0
);
