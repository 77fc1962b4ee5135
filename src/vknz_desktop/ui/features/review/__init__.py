"""Fragments and reviewing together: preparing sessions, session mode, comparing."""
