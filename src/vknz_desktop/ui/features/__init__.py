"""Features that install themselves through the shell's Host; independent of each other."""
