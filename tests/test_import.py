"""`checks import`: formats, field values, idempotence, every failure path."""

import csv
import io
import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import importing
from checks.cli import cli

HEADER = "claim,source_url,published,publisher,title,value,qualifier,subject,attribution,as_of\n"
ROWS = [
    {
        "claim": "More than 30,000 people were detained after the vote, rights groups say.",
        "source_url": "https://ledger.example/2020/detentions",
        "published": "2020-09-01",
        "publisher": "The Eastern Ledger",
        "title": "Detentions pass 30,000",
        "value": "30,000",
        "qualifier": "more_than",
        "subject": "people detained",
    },
    {
        "claim": "Viasna counted 555 political prisoners at the start of May.",
        "source_url": "https://wire.example/prisoners",
        "published": "2021-05-03",
        "publisher": "Northern Wire",
        "attribution": "Viasna",
        "as_of": "2021-05",
    },
    {
        "claim": "Nearly 1,500 people signed the open letter.",
        "source_url": "https://ledger.example/2020/detentions",
        "value": "1500",
        "qualifier": "almost",
    },
]


def write_csv(path, rows, delimiter=","):
    columns = list(dict.fromkeys(k for row in rows for k in row))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(runner, *args, input=None):
    return runner.invoke(cli, ["import", *map(str, args)], input=input, catch_exceptions=False)


def fail(runner, *args, input=None):
    "Run an import that must fail; return its `Error: …` line."
    result = runner.invoke(cli, ["import", *map(str, args)], input=input)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def claims(db_path):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(
        "SELECT claims.*, documents.url FROM claims JOIN documents ON documents.id = document_id ORDER BY claims.id"
    )]


def documents(db_path):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    return {r["url"]: dict(r) for r in conn.execute("SELECT * FROM documents")}


def dump(db_path):
    return list(sqlite3.connect(db_path).iterdump())


def check_fts(db_path):
    "The full-text indexes agree with their tables, and the triggers are back."
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"claims_ai", "claims_au", "claims_ad", "documents_ai", "documents_au", "documents_ad"} <= triggers
    return conn


# --- happy paths --------------------------------------------------------------


def test_csv_import_counts_and_fields(runner, tmp_path, db_path):
    path = write_csv(tmp_path / "claims.csv", ROWS)
    result = run(runner, path, "--db", db_path)
    assert result.exit_code == 0
    assert result.stdout == "3 claims imported (0 already present), 2 new documents\n"
    rows = claims(db_path)
    assert len(rows) == 3
    first, second, third = rows
    assert first["sentence"] == ROWS[0]["claim"]
    assert (first["value"], first["low"], first["high"], first["qualifier"]) == (30000, 30000, None, "more_than")
    assert first["quote"] == "More than 30,000"
    assert (first["start"], first["end"], first["origin"]) == (None, None, "imported")
    assert first["subject"] == "people detained"
    # no value: the figure comes from the sentence
    assert (second["value"], second["low"], second["high"], second["qualifier"]) == (555, 555, 555, "exact")
    assert second["quote"] == "555"
    assert (second["attribution"], second["as_of"]) == ("Viasna", "2021-05")
    assert second["subject"] and "prisoners" in second["subject"]
    assert (third["value"], third["low"], third["high"], third["qualifier"]) == (1500, None, 1500, "almost")
    assert third["quote"] == "Nearly 1,500"
    assert first["document_id"] == third["document_id"] != second["document_id"]
    docs = documents(db_path)
    ledger = docs["https://ledger.example/2020/detentions"]
    assert (ledger["title"], ledger["publisher"], ledger["published"]) == (
        "Detentions pass 30,000", "The Eastern Ledger", "2020-09-01",
    )
    assert ledger["text"] is None and ledger["fetched_at"]
    conn = check_fts(db_path)
    hits = conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'prisoners'").fetchall()
    assert hits == [(second["id"],)]
    hits = conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'detentions'").fetchall()
    assert hits == [(ledger["id"],)]


def test_importing_twice_adds_nothing(runner, tmp_path, db_path):
    path = write_csv(tmp_path / "claims.csv", ROWS)
    run(runner, path, "--db", db_path)
    before = dump(db_path)
    result = run(runner, path, "--db", db_path)
    assert result.stdout == "0 claims imported (3 already present), 0 new documents\n"
    assert len(claims(db_path)) == 3
    assert len(documents(db_path)) == 2
    assert sorted(dump(db_path)) == sorted(before)
    check_fts(db_path)


@pytest.mark.parametrize("name,fmt", [
    ("claims.tsv", "tsv"), ("claims.json", "json"), ("claims.jsonl", "jsonl"),
    ("claims.ndjson", "jsonl"), ("claims.txt", "json"),
])
def test_every_format_gives_the_same_claims(runner, tmp_path, db_path, name, fmt):
    run(runner, write_csv(tmp_path / "claims.csv", ROWS), "--db", tmp_path / "csv.db")
    path = tmp_path / name
    if fmt == "tsv":
        write_csv(path, ROWS, delimiter="\t")
    elif fmt == "json":
        path.write_text(json.dumps(ROWS, indent=2, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    result = run(runner, path, "--db", db_path)
    assert result.stdout.startswith("3 claims imported")

    def comparable(rows):
        return [{k: v for k, v in r.items() if k not in ("id", "created_at")} for r in rows]

    assert comparable(claims(db_path)) == comparable(claims(tmp_path / "csv.db"))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_stdin_with_and_without_format(runner, tmp_path, fmt):
    buffer = io.StringIO()
    if fmt in ("csv", "tsv"):
        writer = csv.DictWriter(buffer, list(ROWS[0]), delimiter="\t" if fmt == "tsv" else ",")
        writer.writeheader()
        writer.writerow(ROWS[0])
    elif fmt == "json":
        json.dump([ROWS[0]], buffer)
    else:
        buffer.write(json.dumps(ROWS[0]) + "\n")
    data = buffer.getvalue().encode("utf-8")
    for args in (["--format", fmt], []):
        db = tmp_path / f"{fmt}{len(args)}.db"
        result = run(runner, "-", "--db", db, *args, input=data)
        assert result.stdout == "1 claims imported (0 already present), 1 new documents\n"
        assert claims(db)[0]["quote"] == "More than 30,000"


def test_minified_json_array_read_in_small_pieces(runner, tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(importing, "JSON_CHUNK", 7)
    rows = [dict(ROWS[0], value=str(30000 + i), claim=f"Police held {30000 + i} people in Мінск.") for i in range(40)]
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    run(runner, path, "--db", db_path)
    stored = claims(db_path)
    assert [r["value"] for r in stored] == [30000 + i for i in range(40)]
    assert [r["sentence"] for r in stored] == [r["claim"] for r in rows]
    # a bad byte far into a long line is placed by line and byte
    data = path.read_bytes()
    at = data.index("Мінск".encode())
    path.write_bytes(data[:at] + b"\xff" + data[at + 1:])
    assert fail(runner, path, "--db", db_path) == (
        f"Error: line 1: bytes that do not decode as UTF-8 (0xff at byte {at + 1} of the line): save the file as UTF-8"
    )


def test_value_bounds_follow_the_qualifier(runner, tmp_path, db_path):
    base = {"source_url": "https://wire.example/q", "claim": "The count reached 700 by Friday."}
    rows = [
        dict(base, value="700", qualifier=q) for q in ("exact", "more_than", "at_least", "about", "almost", "up_to")
    ] + [
        dict(base, qualifier="range", low="650", high="750"),
        dict(base, value="700", qualifier="vague", low="100", high="999"),
        dict(base, value="700"),  # the sentence agrees: the extractor's reading (exact)
        dict(base, claim="Up to 2,000 people were expected.", value="2000"),  # qualifier from the sentence
    ]
    result = run(runner, write_csv(tmp_path / "q.csv", rows), "--db", db_path)
    # the row without a qualifier reads as exact, like the first: the same claim, stored once
    assert result.stdout.startswith("9 claims imported (1 already present)")
    got = [(r["qualifier"], r["value"], r["low"], r["high"]) for r in claims(db_path)]
    assert got == [
        ("exact", 700, 700, 700),
        ("more_than", 700, 700, None),
        ("at_least", 700, 700, None),
        ("about", 700, None, None),
        ("almost", 700, None, 700),
        ("up_to", 700, None, 700),
        ("range", None, 650, 750),
        ("vague", 700, 100, 999),
        ("up_to", 2000, None, 2000),
    ]


def test_no_value_takes_the_figure_matching_qualifier_or_subject(runner, tmp_path, db_path):
    sentence = "About 2,000 people joined the march and 37 were detained."
    rows = [
        {"claim": sentence, "source_url": "https://wire.example/m"},
        {"claim": sentence, "source_url": "https://wire.example/m", "qualifier": "exact"},
        # another source, so not the same claim as the row above
        {"claim": sentence, "source_url": "https://wire.example/n", "subject": "detained"},
    ]
    run(runner, write_csv(tmp_path / "m.csv", rows), "--db", db_path)
    got = [(r["quote"], r["value"], r["qualifier"], r["subject"]) for r in claims(db_path)]
    assert got[0][:3] == ("About 2,000", 2000, "about")
    assert got[1][:3] == ("37", 37, "exact")
    assert got[2][:3] == ("37", 37, "exact") and got[2][3] == "detained"


def test_row_fields_override_extracted_ones(runner, tmp_path, db_path):
    row = {
        "claim": "Viasna counted 555 political prisoners at the start of May.",
        "source_url": "https://wire.example/p",
        "subject": "prisoners of conscience",
        "attribution": "Human Rights Centre Viasna",
        "unit": "people",
        "qualifier": "about",
    }
    run(runner, write_csv(tmp_path / "p.csv", [row]), "--db", db_path)
    [claim] = claims(db_path)
    assert (claim["subject"], claim["attribution"], claim["unit"]) == (
        "prisoners of conscience", "Human Rights Centre Viasna", "people",
    )
    assert (claim["quote"], claim["value"], claim["low"], claim["high"], claim["qualifier"]) == (
        "555", 555, None, None, "about",
    )


def test_no_extract_keeps_the_row_as_given(runner, tmp_path, db_path):
    path = write_csv(tmp_path / "claims.csv", ROWS)
    run(runner, path, "--db", db_path, "--no-extract")
    first, second, _ = claims(db_path)
    assert first["quote"] is None and first["qualifier"] == "more_than"
    assert second["quote"] == "555"   # no value given: the sentence is still read


def test_lenient_forms_of_dates_and_numbers(runner, tmp_path, db_path):
    row = {
        "claim": "Some 12.5 thousand people marched.", "source_url": "http://wire.example/x",
        "published": "2021-03-05T18:30:00+01:00", "value": " 12,500.0 ", "as_of": "2021-03-04",
        "language": "EN",
    }
    run(runner, write_csv(tmp_path / "x.csv", [row]), "--db", db_path)
    [claim] = claims(db_path)
    assert claim["value"] == 12500 and claim["as_of"] == "2021-03-04"
    doc = documents(db_path)["http://wire.example/x"]
    assert (doc["published"], doc["language"]) == ("2021-03-05", "en")


def test_headers_are_normalised_and_unknown_columns_reported(runner, tmp_path, db_path):
    path = tmp_path / "h.csv"
    path.write_text(
        "\ufeffClaim,Source URL,Value,Notes\n\"Police held 412 people.\",https://wire.example/h,412,checked\n",
        encoding="utf-8",
    )
    result = run(runner, path, "--db", db_path)
    assert result.stdout.startswith("1 claims imported")
    assert "Ignored unknown columns: notes" in result.stderr.splitlines()


def test_later_rows_fill_in_document_fields(runner, tmp_path, db_path):
    url = "https://wire.example/f"
    # stored before the import (and indexed): the import fills in its title
    run(runner, write_csv(tmp_path / "a.csv", [{"claim": "Police held 412 people.", "source_url": url}]),
        "--db", db_path)
    rows = [
        {"claim": "Police held 413 people.", "source_url": url, "title": "Arrests in the capital"},
        {"claim": "Police held 414 people.", "source_url": "https://wire.example/g"},
        {"claim": "Police held 415 people.", "source_url": "https://wire.example/g", "publisher": "Wire"},
    ]
    run(runner, write_csv(tmp_path / "b.csv", rows), "--db", db_path)
    docs = documents(db_path)
    assert docs[url]["title"] == "Arrests in the capital"
    assert docs["https://wire.example/g"]["publisher"] == "Wire"
    conn = check_fts(db_path)
    hits = conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'capital'").fetchall()
    assert hits == [(docs[url]["id"],)]


# --- failures: exact message, exit code 1, nothing written -------------------


def csv_file(tmp_path, text, name="bad.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


GOOD = '"Police held 412 people.",https://wire.example/a'


@pytest.mark.parametrize("text,error", [
    ("claim,value\nPolice held 412 people.,412\n",
     "Error: line 1: missing required column source_url (columns found: claim, value)"),
    ("source_url\nhttps://wire.example/a\n",
     "Error: line 1: missing required column claim (columns found: source_url)"),
    ("claim,claim,source_url\n", "Error: line 1: column claim appears twice in the header"),
    ("", "Error: line 1: the file is empty: expected a header line naming the columns claim and source_url"),
    (f"claim,source_url\n{GOOD}\n,https://wire.example/b\n", "Error: line 3: claim is empty"),
    (f"claim,source_url\n{GOOD}\n\"Police held 9 people.\",\n", "Error: line 3: source_url is empty"),
    ("claim,source_url\n\"Police held 9 people.\",wire.example/b\n",
     "Error: line 2: source_url 'wire.example/b' is not a URL (it needs a scheme, e.g. https://)"),
    (f"claim,source_url,published\n{GOOD},5 March 2021\n",
     "Error: line 2: published '5 March 2021' is not a date (use YYYY-MM-DD)"),
    (f"claim,source_url,published\n{GOOD},2021-02-30\n",
     "Error: line 2: published '2021-02-30' is not a date (use YYYY-MM-DD)"),
    (f"claim,source_url,as_of\n{GOOD},2021-13\n",
     "Error: line 2: as_of '2021-13' is not a date (use YYYY-MM-DD or YYYY-MM)"),
    (f"claim,source_url,value\n{GOOD},thirty\n",
     "Error: line 2: value 'thirty' is not a number (write digits, e.g. 30000 or 30,000)"),
    (f"claim,source_url,value\n{GOOD},\"3,5\"\n",
     "Error: line 2: value '3,5' is not a number (write digits, e.g. 30000 or 30,000)"),
    (f"claim,source_url,value,qualifier\n{GOOD},412,roughly\n",
     "Error: line 2: unknown qualifier 'roughly' (use one of exact, more_than, at_least, about, "
     "almost, up_to, range, vague)"),
    (f"claim,source_url,low,high,qualifier\n{GOOD},30,20,range\n",
     "Error: line 2: low 30 is greater than high 20"),
    (f"claim,source_url,qualifier,low\n{GOOD},range,20\n",
     "Error: line 2: qualifier range needs both low and high"),
    (f"claim,source_url,value,published\n{GOOD},x,2021\n",
     "Error: line 2: published '2021' is not a date (use YYYY-MM-DD); value 'x' is not a number "
     "(write digits, e.g. 30000 or 30,000)"),
    ("claim,source_url\n\"No figures were released on Monday.\",https://wire.example/a\n",
     "Error: line 2: no figure in claim and no value given"),
    (f"claim,source_url\n{GOOD},extra\n", "Error: line 2: 3 fields, but the header names 2 columns"),
    (f'claim,source_url\n{GOOD}\n"Police held\n9 people."x,https://wire.example/b\n',
     "Error: line 3: malformed CSV: ',' expected after '\"'"),
    (f"claim,source_url,published\n{GOOD},2021-03-05\n\"Police held 9 people.\",https://wire.example/a,2021-03-06\n",
     "Error: line 3: published 2021-03-06 differs from 2021-03-05, already recorded for https://wire.example/a"),
])
def test_csv_failures(runner, tmp_path, db_path, text, error):
    assert fail(runner, csv_file(tmp_path, text), "--db", db_path) == error
    assert claims(db_path) == [] and documents(db_path) == {}


def test_undecodable_bytes_name_the_line(runner, tmp_path, db_path):
    data = f"claim,source_url\n{GOOD}\n".encode() + b'"Police held 9 people \xff.",https://wire.example/b\n'
    error = fail(runner, csv_file(tmp_path, data), "--db", db_path)
    assert error == (
        "Error: line 3: bytes that do not decode as UTF-8 (0xff at byte 23 of the line): save the file as UTF-8"
    )
    data = "claim,source_url\n".encode("utf-16")
    assert fail(runner, csv_file(tmp_path, data, "u16.csv"), "--db", db_path).startswith(
        "Error: line 1: bytes that do not decode as UTF-8 (0xff at byte 1 of the line)"
    )
    lines = [json.dumps({"claim": "Police held 412 people.", "source_url": "https://wire.example/a"})] * 3
    data = "\n".join(lines).encode().replace(b"412", b"41\xe9", 1)
    assert fail(runner, csv_file(tmp_path, data, "x.jsonl"), "--db", db_path).startswith(
        "Error: line 1: bytes that do not decode as UTF-8 (0xe9 at byte 26 of the line)"
    )
    data = ("[\n" + ",\n".join(lines) + "\n]").encode().replace(b"412", b"41\xe9")
    assert fail(runner, csv_file(tmp_path, data, "x.json"), "--db", db_path).startswith(
        "Error: line 2: bytes that do not decode as UTF-8"
    )
    assert claims(db_path) == []


@pytest.mark.parametrize("name,text,error", [
    ("a.jsonl", '{"claim": "Police held 4 people.", "source_url": "https://w.example/a"}\n\n{"claim": 1,\n',
     "Error: line 3: malformed JSON: Expecting property name enclosed in double quotes (column 13)"),
    ("a.jsonl", '["Police held 4 people.", "https://w.example/a"]\n',
     "Error: line 1: expected a JSON object, got an array"),
    ("a.jsonl", '{"claim": "Police held 4 people.", "source_url": "https://w.example/a", "value": true}\n',
     "Error: line 1: value must be a number, not true or false"),
    ("a.jsonl", '{"claim": "Police held 4 people."}\n', "Error: line 1: missing required field source_url"),
    ("a.json", '[\n  {"claim": "Police held 4 people.", "source_url": "https://w.example/a"},\n'
               '  {"claim": "Police held 5 people.",\n   "source_url": "https://w.example/a" "x"}\n]',
     "Error: line 4: malformed JSON: Expecting ',' delimiter"),
    ("a.json", '[{"claim": "Police held 4 people.", "source_url": "https://w.example/a"}\n'
               '{"claim": "Police held 5 people.", "source_url": "https://w.example/a"}]',
     "Error: line 2: malformed JSON: expected ',' or ']' between items"),
    ("a.json", '[\n{"claim": "Police held 4 people.", "source_url": "https://w.example/a"},\n"x"\n]',
     "Error: line 3: expected a JSON object, got a string"),
    ("a.json", '[\n{"claim": "Police held 4 people.", "source_url": "https://w.example/a"}\n',
     "Error: line 3: the JSON array is not closed with ']'"),
    ("a.json", '[{"claim": "Police held 4 people.", "source_url": "https://w.example/a"}] []',
     "Error: line 1: unexpected text after the end of the JSON array"),
    ("a.json", '{"claim": "Police held 4 people."}',
     "Error: line 1: expected '[' at the start of a JSON array of objects (use --format jsonl for one object per line)"),
    ("a.json", '[\n{"claim": "Police held 4 people.", "source_url": "https://w.example/a", "value": "lots"}]',
     "Error: line 2: value 'lots' is not a number (write digits, e.g. 30000 or 30,000)"),
    ("a.json", "", "Error: line 1: the file is empty: expected a JSON array of objects"),
])
def test_json_failures(runner, tmp_path, db_path, name, text, error):
    assert fail(runner, csv_file(tmp_path, text, name), "--db", db_path) == error
    assert claims(db_path) == []


def test_bad_row_near_the_end_of_a_long_file_changes_nothing(runner, tmp_path, db_path):
    run(runner, write_csv(tmp_path / "first.csv", ROWS), "--db", db_path)
    before = dump(db_path)
    rows = [
        {"claim": f"Police held {i} people.", "source_url": f"https://wire.example/{i // 5}",
         "published": "2021-01-01", "value": str(i)}
        for i in range(1, 5001)
    ]
    rows[4990]["value"] = "n/a"
    # more than one batch of claims, and more documents than the cache holds
    assert len(rows) > importing.BATCH_SIZE
    error = fail(runner, write_csv(tmp_path / "long.csv", rows), "--db", db_path)
    assert error == "Error: line 4992: value 'n/a' is not a number (write digits, e.g. 30000 or 30,000)"
    assert dump(db_path) == before
    check_fts(db_path)


def test_rejects_file_gets_bad_rows_and_the_rest_is_imported(runner, tmp_path, db_path):
    data = (
        f"claim,source_url,value\n{GOOD},412\n"
        f'"Police held 9 people.",https://wire.example/b,nine\n'
        f'"No figures were given.",https://wire.example/c,\n'
    ).encode() + b'"Police held 7 people \xff.",https://wire.example/d,7\n' + b'"Police held 8 people.",https://wire.example/e,8\n'
    rejects = tmp_path / "rejects.csv"
    result = run(runner, csv_file(tmp_path, data), "--db", db_path, "--rejects", rejects)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "2 claims imported (0 already present), 2 new documents",
        f"3 rows rejected: see {rejects}",
    ]
    assert [c["value"] for c in claims(db_path)] == [412, 8]
    with open(rejects, newline="", encoding="utf-8") as f:
        rejected = list(csv.DictReader(f))
    assert list(rejected[0]) == list(importing.REJECT_COLUMNS)
    assert [(r["line"], r["error"]) for r in rejected] == [
        ("3", "value 'nine' is not a number (write digits, e.g. 30000 or 30,000)"),
        ("4", "no figure in claim and no value given"),
        ("5", "bytes that do not decode as UTF-8 (0xff at byte 23 of the line): save the file as UTF-8"),
    ]
    assert rejected[0]["claim"] == "Police held 9 people." and rejected[0]["value"] == "nine"
    assert not (tmp_path / "rejects.csv.part").exists()
    check_fts(db_path)


def test_rejects_with_a_broken_header_still_fails_and_writes_nothing(runner, tmp_path, db_path):
    rejects = tmp_path / "rejects.csv"
    error = fail(runner, csv_file(tmp_path, "claim\nx\n"), "--db", db_path, "--rejects", rejects)
    assert error == "Error: line 1: missing required column source_url (columns found: claim)"
    assert not rejects.exists() and not (tmp_path / "rejects.csv.part").exists()


def test_unknown_format_option_is_refused(runner, tmp_path, db_path):
    result = runner.invoke(cli, ["import", str(csv_file(tmp_path, "")), "--format", "xml", "--db", str(db_path)])
    assert result.exit_code == 2 and "'xml' is not one of" in result.stderr


def test_progress_bar_counts_bytes(tmp_path, db_path):
    path = write_csv(tmp_path / "claims.csv", ROWS * 2)
    seen = []
    from checks.database import open_database

    with open(path, "rb") as f:
        result = importing.import_claims(
            open_database(db_path), importing.Reader(f, "csv"), progress=seen.append
        )
    assert sum(seen) == path.stat().st_size
    assert (result.rows, result.claims_added, result.claims_present) == (6, 3, 3)


def test_silent_turns_the_progress_bar_off(runner, tmp_path, db_path):
    path = write_csv(tmp_path / "claims.csv", ROWS)
    assert "Importing" in run(runner, path, "--db", db_path).stderr
    assert "Importing" not in run(runner, path, "--db", db_path, "--silent").stderr


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(importing.COLUMNS), st.text(max_size=40)))
def test_check_row_accepts_or_explains_any_row(fields):
    try:
        document, claim = importing.check_row(fields)
    except importing.RowError as ex:
        assert str(ex)
    else:
        assert document["url"] and claim["sentence"]
        assert claim["qualifier"] in importing.QUALIFIERS
        assert claim["low"] is None or claim["high"] is None or claim["low"] <= claim["high"]


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["{:,}", "{}", "{:.2f}", "{:,.1f}"]))
def test_numbers_in_digits_read_back(number, form):
    fields = {"claim": "x", "source_url": "https://wire.example/n", "value": form.format(number)}
    problems = []
    assert importing._number(fields, "value", problems) == pytest.approx(number) and not problems


def test_reimport_with_or_without_extraction_adds_nothing(runner, tmp_path, db_path):
    rows = [
        {"claim": "Viasna counted 555 political prisoners.", "source_url": "https://wire.example/q", "value": "555"},
        {"claim": "More than 30,000 people were detained.", "source_url": "https://wire.example/q",
         "value": "30000", "qualifier": "more_than"},
    ]
    path = write_csv(tmp_path / "q.csv", rows)
    run(runner, path, "--db", db_path, "--silent")
    first = claims(db_path)
    assert len(first) == 2 and first[0]["quote"] == "555"  # the extractor filled in the quote
    result = run(runner, path, "--db", db_path, "--silent", "--no-extract")
    assert result.exit_code == 0
    assert claims(db_path) == first


def test_one_figure_in_two_units_of_one_sentence_is_two_claims(runner, tmp_path, db_path):
    sentence = "Police held two reporters for two days before letting them go."
    rows = [
        {"claim": sentence, "source_url": "https://wire.example/held", "value": "2", "subject": "reporters held"},
        {"claim": sentence, "source_url": "https://wire.example/held", "value": "2", "unit": "days",
         "subject": "days held"},
        {"claim": sentence, "source_url": "https://wire.example/held", "value": "2", "subject": "reporters held"},
    ]
    path = write_csv(tmp_path / "held.csv", rows)
    result = run(runner, path, "--db", db_path)
    stored = claims(db_path)
    assert sorted((c["unit"] or "", c["subject"]) for c in stored) == [("", "reporters held"), ("days", "days held")]
    assert "2 claims imported (1 already present)" in result.output
    # and the second run adds nothing, the one in days included
    again = run(runner, path, "--db", db_path)
    assert "0 claims imported (3 already present)" in again.output
    assert claims(db_path) == stored
