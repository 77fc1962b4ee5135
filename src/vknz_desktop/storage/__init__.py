"""Storage adapter: the SQLCipher vault, its key file and the encrypted media store."""
