"""Who speaks in a folder of transcripts: one row per person.

    python examples/speakers_table.py transcripts/ -o speakers.csv

A person is counted once across files and spellings: 林璟驊 in one file and
林静华 in another are the same ``Speaker.key``. For each person the table
gives the names and titles seen, the files, the number of turns and how many
characters they said.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import cnreport

COLUMNS = ("key", "names", "titles", "orgs", "files", "turns", "characters")


@dataclass
class Person:
    names: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    turns: int = 0
    characters: int = 0

    def row(self, key: str) -> dict[str, object]:
        return {"key": key, "names": "; ".join(sorted(self.names)), "titles": "; ".join(sorted(self.titles)),
                "orgs": "; ".join(sorted(self.orgs)), "files": "; ".join(sorted(self.files)),
                "turns": self.turns, "characters": self.characters}


def speakers_table(folder: Path) -> list[dict[str, object]]:
    people: dict[str, Person] = defaultdict(Person)
    for path in sorted(folder.rglob("*.txt")):
        for section in cnreport.segment(path.read_text(encoding="utf-8")):
            who = section.speaker
            if who is None or section.kind not in ("speech", "answer"):
                continue
            person = people[who.key]
            person.names.add(who.name)
            person.titles.update([who.title] if who.title else [])
            person.orgs.update([who.org] if who.org else [])
            person.files.add(path.name)
            person.turns += 1
            person.characters += len(section.text.strip())
    ranked = sorted(people.items(), key=lambda item: -item[1].characters)
    return [person.row(key) for key, person in ranked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-o", "--output", type=Path, help="CSV to write (default: standard output)")
    args = parser.parse_args()
    out = args.output.open("w", encoding="utf-8", newline="") if args.output else sys.stdout
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(speakers_table(args.folder))
    if args.output:
        out.close()


if __name__ == "__main__":
    main()
