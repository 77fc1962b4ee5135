"""Leerdoelen, the learning summary and the team learning agenda."""
