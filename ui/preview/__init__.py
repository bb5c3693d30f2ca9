"""The preview pane: the export's article template in a web view, updated in place."""
