"""Samen kijken: a calm, very simple view for watching together with a klant."""
