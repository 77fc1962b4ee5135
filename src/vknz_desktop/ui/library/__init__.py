"""The library of recordings: the list, importing with consent, retention."""
