"""A newsroom of many seats (DESIGN §11): each seat's SQLite database stays the live
store, and a git repository carries the shared records between seats as text.
records: the layout; rows: records as files and back; gitstore: the repository;
merging: by record type; treemerge: two commits merged; importing: into the database;
admission: what a seat refuses; seat: init, join, sync, status; conflicts: settling them;
publisher: who publishes."""
