"""Running the room: the Room page and its agenda, the clock and timer, the presenter view
for the projector and the keys that drive them."""
