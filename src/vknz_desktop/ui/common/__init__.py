"""What every part of the GUI shares: formatting, messages, background jobs, appearance."""
