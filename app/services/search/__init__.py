"""Search that works in Thai, Chinese, Malay and English (issue 4).

text:    normalising documents and queries, tokens for short queries
index:   keeping the search_documents table (and the engines' indexes on it) in step
engine:  the SQL that finds and ranks candidates on SQLite (FTS5) and PostgreSQL (pg_trgm)
service: what the pages call: search() and suggest()
"""
