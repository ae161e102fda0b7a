"""Checks of this machine (doctor) and of a course hub (doctor --hub)."""
