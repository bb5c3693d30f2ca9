"""发布: the site from the export to the web host — targets (SFTP, FTP/FTPS, a folder),
the upload that compares manifests and renames into place, and its runs (publish.run)."""
