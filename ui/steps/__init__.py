"""The workshop's step pages — shared goal, common language, shared responsibilities,
accountability, transparency — with the page frame and side panel (guidance and gaps), the
reverse funnel and the RACI matrix. The Room and Agreement pages live in their own rooms."""
