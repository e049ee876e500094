"""From text to record: the facts a Party news article states, read out of its prose and
offered to the editor as links to Event, Participant and Resolution records.

extract.py reads (pure, no database); matching.py compares with the records; apply.py
links and creates, only when an editor asks; views.py serves the panel beside the editor;
management/commands/import_articles.py brings plain-text and JSON articles in as drafts;
templatetags/document_links.py links document numbers on the public site.
"""
