"""The offence data: the code table is the Home Office list (with the NFIB classes of the fraud
pages and the offences' dates), and `hocr rules check` fails on any classification, summary or
ranking entry that does not agree with it."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from service import offence_table
from service.rulebook import RulebookError, load_edition

from .conftest import ROOT

EDITION_DIR = ROOT / "rules" / "2026-27"
REFERENCE = Path("/work/shared/reference/hocr-2026-27")


@pytest.fixture
def edition_copy(tmp_path):
    dst = tmp_path / "rules" / "2026-27"
    shutil.copytree(EDITION_DIR, dst)
    return dst


def edit(folder: Path, rel: str, old: str, new: str) -> None:
    path = folder / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "service.cli", "--rules-dir", str(folder.parent), "rules", "check"],
                          capture_output=True, text=True)


def problems(folder: Path) -> list:
    with pytest.raises(RulebookError) as err:
        load_edition(folder, lint=True)
    return err.value.problems


def test_a_code_filed_under_another_class_fails_rules_check(edition_copy):
    # 008/77 is listed under 8N, 8S and 8T, not under 105A
    edit(edition_copy, "offences/violence/assaults.yaml", 'classify: {class: 8N, code: "008/77"}',
         'classify: {class: 105A, code: "008/77"}')
    out = check(edition_copy)
    assert out.returncode == 1
    assert "code '008/77' is not listed under class 105A" in out.stderr


def test_classes_sharing_one_code_are_each_accepted(edition_copy):
    # the residential burglary classes share 028/03: any of them with that code is in the list
    edit(edition_copy, "offences/acquisitive/burglary.yaml", 'classify: {class: 28J, code: "028/03"}',
         'classify: {class: 28K, code: "028/03"}')
    found = load_edition(edition_copy, lint=True)
    assert found.offences.get("28K", "028/03") is not None


def test_a_summary_naming_another_classification_fails(edition_copy):
    edit(edition_copy, "offences/society/fraud.yaml",
         "summary: A fraud by abuse of position with a call for service is recorded locally (NFIB19 053/42).",
         "summary: A fraud by abuse of position with a call for service is recorded locally (NFIB18 053/41).")
    found = problems(edition_copy)
    assert [(p.rule_id, p.field, p.message) for p in found] == [
        ("fraud.call-for-service.abuse-of-position", "summary", "names NFIB18 053/41 but classifies to NFIB19 053/42")]


def test_a_ranking_class_without_any_of_its_codes_fails(edition_copy):
    edit(edition_copy, "general/counting.yaml", 'classes: [58B, 58C, 58D, 58J], codes: ["058/00", "058/04"]',
         'classes: [58B, 58C, 58D, 58J], codes: ["058/00"]')
    found = problems(edition_copy)
    assert any(p.field == "principal_crime.ranking" and "class 58J has none of the codes 058/00" in p.message
               for p in found), [str(p) for p in found]


def test_a_family_row_whose_class_lacks_the_code_fails(edition_copy):
    table = (edition_copy / "data/nfib-fraud-classes.yaml").read_text(encoding="utf-8")
    line = table[:table.index("fraud_kind: mandate,")].count("\n") + 1
    edit(edition_copy, "data/nfib-fraud-classes.yaml", "fraud_kind: mandate, class: NFIB5D", "fraud_kind: mandate, class: NFIB19")
    found = problems(edition_copy)
    assert any(p.rule_id == "fraud.call-for-service.false-representation.mandate" and p.line == line
               and p.file.endswith("data/nfib-fraud-classes.yaml")
               and "not listed under class NFIB19" in p.message for p in found), [str(p) for p in found]


# ---------------------------------------------------------------------------------------- import

CSV_HEAD = ("Home Office code,Mode,Max Sentence,Victim or State Based,Class,Sub class,Offence category,Offence,Act,"
            "Section,Current,Year added/amended/deleted,Commencement date,Cessation date,Comment\n")
ROWS = [
    "008/77,E,5,V,Violence Against The Person,Violence with injury,8N Assault with Injury,Non-fatal strangulation,A,s,Y,,2022-06-07 00:00:00,,",
    "008/77,E,5,V,Violence Against The Person,Violence with injury,8S Assault with injury on a constable,Non-fatal strangulation,A,s,Y,,2025-04-01 00:00:00,,",
    "082/02,E,7,S,Miscellaneous Crimes,Other,99 Other Notifiable Offences,Other triable-either-way offences,A,s,Y,,2016-11-14 00:00:00,,",
    "082/02,E,7,S,Miscellaneous Crimes,Other,99 Other Notifiable Offences,VAT Offences,A,s,Y,,,,",
    "080/02,E,2,S,Miscellaneous Crimes,Other,80 Absconding,Temporarily released prisoner unlawfully at large,A,s,Y,,13 April 2015,,",
    "008/71,E,2,V,Violence Against The Person,Violence without injury,8R Malicious Communications,Disclose photographs,A,s,N,,2015-04-13 00:00:00,2024-01-31 00:00:00,",
    "053/54,E,2,S/V,NFIB Fraud,,NFIB 50 Computer Misuse Crime,Unauthorised access to computer material,A,s,Y,,,,",
    "053/40,E,10,V,NFIB Fraud,,Various sub classes,Fraud by False Representation,A,s,Y,,,,",
    "053/46,E,5,V,NFIB Fraud,,,Obtaining services dishonestly,A,s,Y,,,,",
]
NFIB_PAGES = """
NFIB1B                        Lottery Scams
                              Classification (1 of 1)
053/40(pt) Fraud by false representation
(V)        Fraud Act 2006 Sec 2.

Definition - Lottery scam

NFIB3G                        Retail Fraud (not NFIB3A or NFIB5A)
                              Classification (1 of 1)
053/40(pt) Fraud by false representation       053/46(pt) Obtaining services dishonestly

 All Counting Rule enquiries should be directed to the Force Crime Registrar
"""


@pytest.fixture
def source(tmp_path):
    csv_path = tmp_path / "list.csv"
    csv_path.write_text(CSV_HEAD + "\n".join(ROWS) + "\n", encoding="utf-8")
    nfib = tmp_path / "fraud.txt"
    nfib.write_text(NFIB_PAGES, encoding="utf-8")
    return csv_path, nfib


def test_import_carries_commencement_and_cessation_dates(source):
    table = offence_table.convert(source[0])["classes"]
    # one code is one offence: its earliest commencement, whichever class files it
    assert table["8N"]["offences"]["008/77"]["in_force_from"] == "2022-06-07"
    assert table["8S"]["offences"]["008/77"]["in_force_from"] == "2022-06-07"
    # a code that also covers offences given without a date has none
    assert "in_force_from" not in table["99"]["offences"]["082/02"]
    assert table["80"]["offences"]["080/02"]["in_force_from"] == "2015-04-13"
    assert table["8R"]["offences"]["008/71"]["ceased"] == "2024-01-31"


def test_import_names_nfib_classes_and_files_fraud_under_the_pages_classes(source):
    without = offence_table.convert(source[0])["classes"]
    assert "NFIB50" in without and "NFIB" not in without  # 'NFIB 50' is class NFIB50
    table = offence_table.convert(*source)["classes"]
    assert list(table["NFIB1B"]["offences"]) == ["053/40"]
    assert table["NFIB1B"]["title"] == "Lottery Scams"
    assert table["NFIB1B"]["offences"]["053/40"]["title"] == "Fraud by False Representation"
    assert list(table["NFIB3G"]["offences"]) == ["053/40", "053/46"]
    assert "Various" not in table  # a placeholder of the list, not a class


def test_parse_date_accepts_the_lists_forms_and_refuses_guesses():
    assert offence_table.parse_date("2022-06-07 00:00:00") == dt.date(2022, 6, 7)
    assert offence_table.parse_date("20 May 2016 ") == dt.date(2016, 5, 20)
    assert offence_table.parse_date("28/02/2022") == dt.date(2022, 2, 28)
    for guess in ("TBC", "28/02/22?", "2015", ""):
        assert offence_table.parse_date(guess) is None


def test_the_offence_in_force_window():
    e = load_edition(EDITION_DIR)
    strangulation = e.offences.get("8N", "008/77")
    assert not strangulation.in_force_on(dt.date(2022, 6, 6))
    assert strangulation.in_force_on(dt.date(2022, 6, 7))
    repealed = e.offences.get("8R", "008/71")
    assert repealed.in_force_on(dt.date(2024, 1, 30)) and not repealed.in_force_on(dt.date(2024, 1, 31))


@pytest.mark.skipif(not (REFERENCE / "notifiable-offences-2026-27.csv").exists(), reason="reference list not here")
def test_the_committed_table_is_the_import_of_the_reference_list():
    fresh = offence_table.convert(REFERENCE / "notifiable-offences-2026-27.csv", REFERENCE / "nfib-fraud-april-2026.txt")
    committed = yaml.safe_load((EDITION_DIR / "data" / "offences.yaml").read_text(encoding="utf-8"))
    committed = yaml.safe_load(yaml.safe_dump(committed, default_flow_style=False))  # dates as YAML reads them
    assert committed == yaml.safe_load(yaml.safe_dump(fresh))
