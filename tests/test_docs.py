"""The README's CLI reference covers every command, and every command has help."""

import pathlib

import click
import pytest

from checks.cli import cli

README = (pathlib.Path(__file__).parent.parent / "README.md").read_text("utf-8")


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        path = prefix + (name,)
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


COMMANDS = sorted(_commands(cli), key=lambda item: item[0])


def test_there_are_commands():
    names = {path[0] for path, _ in COMMANDS}
    assert {"import", "add", "extract", "serve", "demo"} <= names


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_documented_with_help(path, command):
    assert (command.help or "").strip(), f"checks {' '.join(path)} has no help text"
    assert f"checks {' '.join(path)}" in README, f"checks {' '.join(path)} missing from README"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"option {param.opts[0]} of checks {' '.join(path)} has no help"


def test_readme_shows_the_two_commands():
    assert "pip install . && checks demo" in README
    assert "pip install -e '.[test]' && pytest" in README
