"""Screenshots of every screen, in every mode (``python -m scripts.screens OUT``; see run.py)."""
