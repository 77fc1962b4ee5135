"""Use cases. They depend on domain ports only, never on concrete adapters or Qt."""
