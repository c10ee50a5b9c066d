"""Fixtures of the temporal engine tests."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal.tagger import Engine, default_engine

MONDAY = date(2024, 1, 8)  # the DCT of the examples


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The bundled English engine, compiled once."""
    return default_engine()
