"""Export adapter: de-identification and rendering of learning summaries (the only way data
leaves the laptop). Filled in by the leerdoelen/export work."""
