"""How the hot code calls the ``regex`` engine: holding the GIL.

By default the ``regex`` module releases the GIL around every match of a ``str`` and takes it
back for every block of memory the match needs (its backtracking stacks), about four round trips
a call; over an article's ~330 calls they cost ~3 % of the pipeline (callgrind), and a 20-match
``finditer`` ~40 % of its time. The pipeline reads an article in one thread and its matches are
short (inputs are capped), so nothing waits on the GIL meanwhile: every call an article's reading
makes passes ``concurrent=HOLD_GIL``. ``search``, ``match`` and ``fullmatch`` take it by
position (``pattern.match(text, pos, endpos, HOLD_GIL)``): a keyword there costs the engine's
fast path for positional arguments, more than the GIL saves.

Groups are read by index for the same reason, speed (see ``vnunion_nlp.lexicon``).
"""

from __future__ import annotations

from typing import Final

HOLD_GIL: Final = False
