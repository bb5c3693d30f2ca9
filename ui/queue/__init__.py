"""The review queue pane: the queue table, its model and the opened review item."""
