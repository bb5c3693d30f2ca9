"""A story's text as text: Chinese characters, paragraphs, markdown to safe HTML, pasted HTML, character diffs, three-way merges, search segmentation."""
