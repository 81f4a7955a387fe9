-- FEST reference data: the importer (the database owner) writes; the application role only reads.
REVOKE INSERT, UPDATE, DELETE ON fest_products, fest_packages, fest_substances, fest_strengths, fest_refund_groups, fest_imports FROM sp_app;
