"""Playing recordings: the player controller, fragment playback, background analysis."""
