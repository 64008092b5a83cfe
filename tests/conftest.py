import pytest
from click.testing import CliRunner

from checks.database import open_database


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "checks.db"


@pytest.fixture
def db(db_path):
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def runner():
    return CliRunner()
