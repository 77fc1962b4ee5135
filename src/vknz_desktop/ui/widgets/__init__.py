"""Small shared widgets without knowledge of recordings or the vault."""
