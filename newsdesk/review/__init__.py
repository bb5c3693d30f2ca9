"""The review rules (三审) and what proves them: the rulebook, the workflow's operations, accounts and passwords, signatures, the hash chain, the audit, the page's 编辑/审核 names, the bin's rules."""
