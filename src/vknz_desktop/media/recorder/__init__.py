"""Recording from a microphone and a camera straight into the vault (see ``session``)."""
