"""The Opnemen page: recording a conversation straight into the vault, with live markers."""
