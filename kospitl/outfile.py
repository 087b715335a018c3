"""Writing a command's output file (``-o FILE``) whole or not at all."""
from __future__ import annotations

import os
import stat
import sys
from contextlib import contextmanager
from typing import IO, Iterator

from kospitl.errors import KospitlError


@contextmanager
def output_file(path: str, *, label: str = "-o") -> Iterator[IO[str]]:
    """A text stream for ``path`` (``-`` is standard output). A regular file is written under a
    temporary name in its folder and renamed over ``path`` only when everything was written, so
    a failure (a full disk, an error while rendering) leaves whatever was there before. A device
    or pipe (``/dev/stdout``, ``/dev/full``) is written directly. Every OS error is a KospitlError
    naming the file."""
    if path == "-":
        yield sys.stdout
        return
    shown = path
    if os.path.islink(path):  # a link is written through, as open() would: its target is the file
        path = os.path.realpath(path)
    folder = os.path.dirname(path) or "."
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise KospitlError(f"{label} {shown}: cannot write ({e.strerror or e})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise KospitlError(f"{label} {shown}: is a directory")
    if st is None and not os.path.isdir(folder):
        raise KospitlError(f"{label} {shown}: no such folder {folder!r}")
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            with open(path, "w", encoding="utf-8", newline="") as out:
                yield out
        except OSError as e:
            raise KospitlError(f"{label} {shown}: cannot write ({e.strerror or e})") from None
        return
    tmp = None
    try:
        import tempfile  # here: only -o FILE needs it

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise KospitlError(f"{label} {shown}: cannot write ({e.strerror or e})") from None
    finally:
        if tmp is not None and os.path.lexists(tmp):
            os.remove(tmp)
