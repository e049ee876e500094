"""The workspace's pages, thin: forms in workspace.forms, reads in workspace.queries,
operations in workflow.services, and every "may they?" in workflow.rules."""
