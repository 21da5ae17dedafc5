"""Capturing what the room says at any step: the parking lot, action items and dot votes,
in a panel docked under the open workshop."""
