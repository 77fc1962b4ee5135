"""Media adapter: PyAV analysis (probe, frames) and libVLC playback from a stream."""
