"""Privacy: what happens with recordings, the audit log, privacy requests (AVG)."""
