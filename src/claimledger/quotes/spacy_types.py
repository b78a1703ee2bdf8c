"""Names for spaCy's classes in annotations: spaCy ships no type information for its Cython
classes, so these are Any under a name that says what the value is."""

from typing import Any

Token = Any
SpacySpan = Any
SpacyDoc = Any
