"""A multimap from 64-bit hashes to small integers, in a few bytes per entry.

Reading millions of actors needs every id and name, case- and accent-insensitive,
to find duplicates and resolve references. A dictionary keyed by those loose
strings costs a new string and a hash-table slot per key, some 150 bytes; this
index keeps the hashes in one sorted ``int64`` array beside their values (16 bytes
an entry), with the latest additions in a small dictionary merged in from time to
time. A hash says only "maybe": the caller checks each candidate against the real
key, so a collision never changes a result, and results do not depend on
Python's per-process string hashing.
"""

from __future__ import annotations

import numpy as np

# Additions kept in a dictionary before they are merged into the arrays: at least this
# many, and a sixteenth of the arrays, so that merging costs little more than sorting once.
_TAIL = 1 << 15
_TAIL_SHARE = 16


class HashIndex:
    """Values by hash: :meth:`add` a value under a hash, :meth:`get` every value of a hash.

    Values come back in the order they were added.

    Examples
    --------
    >>> index = HashIndex()
    >>> index.add(hash("mairie"), 0)
    >>> index.add(hash("mairie"), 3)
    >>> index.get(hash("mairie")), index.get(hash("gare")), len(index)
    ([0, 3], [], 2)
    """

    __slots__ = ("_count", "_hashes", "_tail", "_values")

    def __init__(self) -> None:
        self._hashes = np.empty(0, dtype=np.int64)  # sorted; equal hashes in order added
        self._values = np.empty(0, dtype=np.int64)
        self._tail: dict[int, int | list[int]] = {}
        self._count = 0  # entries in the tail

    def __len__(self) -> int:
        return len(self._hashes) + self._count

    def add(self, key_hash: int, value: int) -> None:
        """Note ``value`` under ``key_hash`` (a value of Python's ``hash``)."""
        found = self._tail.get(key_hash)
        if found is None:
            self._tail[key_hash] = value
        elif isinstance(found, list):
            found.append(value)
        else:
            self._tail[key_hash] = [found, value]
        self._count += 1
        if self._count >= _TAIL and self._count * _TAIL_SHARE >= len(self._hashes):
            self._merge()

    def get(self, key_hash: int) -> list[int]:
        """Every value added under ``key_hash``, first added first."""
        hashes = self._hashes
        out: list[int] = []
        if len(hashes):
            start = int(np.searchsorted(hashes, key_hash))
            stop = start
            while stop < len(hashes) and hashes[stop] == key_hash:
                stop += 1
            if stop > start:
                out = self._values[start:stop].tolist()
        found = self._tail.get(key_hash)
        if found is not None:
            out.extend(found if isinstance(found, list) else (found,))
        return out

    def _merge(self) -> None:
        """Move the tail into the sorted arrays (a stable sort keeps the order of addition)."""
        keys: list[int] = []
        values: list[int] = []
        for key_hash, found in self._tail.items():
            if isinstance(found, list):
                keys.extend([key_hash] * len(found))
                values.extend(found)
            else:
                keys.append(key_hash)
                values.append(found)
        new_hashes = np.array(keys, dtype=np.int64)
        new_values = np.array(values, dtype=np.int64)
        order = np.argsort(new_hashes, kind="stable")
        new_hashes, new_values = new_hashes[order], new_values[order]
        # After the equal hashes already there: those were added before.
        at = np.searchsorted(self._hashes, new_hashes, side="right")
        self._hashes = np.insert(self._hashes, at, new_hashes)
        self._values = np.insert(self._values, at, new_values)
        self._tail = {}
        self._count = 0
