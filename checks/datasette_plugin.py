"""Datasette plugin hooks for checks. Each hook does one thing."""

from datasette import hookimpl
