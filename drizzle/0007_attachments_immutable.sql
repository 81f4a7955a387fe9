-- An attachment is never changed after upload: the application role may add and remove, not update.
REVOKE UPDATE ON attachments, attachment_contents FROM sp_app;
