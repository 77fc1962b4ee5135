"""Pure models, rules and ports (Protocols). Standard library and pydantic only."""
