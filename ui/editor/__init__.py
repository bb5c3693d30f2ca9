"""The draft editor: metadata form, markdown body, findings of the machine checks."""
