"""The custom-painted timeline and its ruler."""
