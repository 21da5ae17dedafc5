"""A stream of autosaved edits for the crash-safety test to kill at a random moment.

Run as ``python tests/storage/crash_writer.py LIBRARY_PATH SEED``. It goes through the
same :func:`storage.library.open_library` and :class:`storage.repository.Repository`
the window uses, and reports on stdout, one flushed line at a time:

* ``READY <workshop id>`` once the library is open;
* ``TRY <edit>`` just before a repository call, and ``<edit>`` once the call has
  returned (the edit is committed), where ``<edit>`` is one of
  ``ADD <participant id> <name>``, ``RENAME <participant id> <name>``,
  ``NOTES <text>`` or ``DEL <participant id>``.

Names and notes carry the seed, so no two runs write the same value. It never stops by
itself before ``MAX_EDITS``; the test ends it with SIGKILL.
"""

from __future__ import annotations

import random
import sys

from storage.engine import resolve_url
from storage.library import open_library
from workshop.editing import new_workshop
from workshop.model import Participant

MAX_EDITS = 100_000


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    repo = open_library(resolve_url(path))
    found = repo.summaries()
    if found:
        workshop_id = found[0].id
    else:
        workshop = new_workshop("Crash safety")
        repo.add(workshop)
        workshop_id = workshop.id
    # Participant ids in list order, as stored (earlier runs' ones included).
    order = [p.id for p in repo.get(workshop_id).participants]
    say(f"READY {workshop_id}")

    for seq in range(MAX_EDITS):
        roll = rng.random()
        if roll < 0.40 or not order:
            item = Participant(name=f"p-{seed}-{seq}")
            index = rng.randint(0, len(order))
            edit = f"ADD {item.id} {item.name}"
            say(f"TRY {edit}")
            repo.add_child(workshop_id, "participants", item, index)
            order.insert(index, item.id)
        elif roll < 0.60:
            target = rng.choice(order)
            name = f"r-{seed}-{seq}"
            edit = f"RENAME {target} {name}"
            say(f"TRY {edit}")
            repo.update_child(workshop_id, "participants", target, {"name": name})
        elif roll < 0.88:
            text = f"edit-{seed}-{seq}"
            edit = f"NOTES {text}"
            say(f"TRY {edit}")
            repo.update_workshop(workshop_id, {"notes": text})
        else:
            target = order.pop(rng.randrange(len(order)))
            edit = f"DEL {target}"
            say(f"TRY {edit}")
            repo.remove_child(workshop_id, "participants", target)
        say(edit)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
