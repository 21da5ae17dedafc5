"""One module per workshop step, each declaring its :class:`~workshop.step.spec.StepSpec`:
what the step is called, when it has started, what it still lacks, what it has captured,
what the facilitator asks, where parked items can go, its agenda slot and what the
presenter shows. :mod:`workshop.steps` lists them in the order the room walks through."""
