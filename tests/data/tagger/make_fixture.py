#!/usr/bin/env python3
"""Regenerate train.conll and test.conll: a small synthetic German NER corpus
with invented people and companies (test names never occur in training), so
the tagger has to generalize from context, shape and suffixes.

Usage: python3 make_fixture.py   (writes next to this script)
"""
import os
import random

FIRST = ["Lena", "Jonas", "Miriam", "Tobias", "Greta", "Henrik", "Ilka", "Malte",
         "Svenja", "Ruben", "Tilda", "Kaspar", "Frieda", "Lorenz", "Wiebke", "Anton"]
LAST = ["Hartwig", "Brenner", "Vosskamp", "Ellerbrock", "Quandel", "Rieswald",
        "Tamminga", "Oberhuber", "Lindqvist", "Feddersen", "Strobelt", "Kranich",
        "Wendlinger", "Pasewalk", "Mittelstaedt", "Holzapfel"]
ORG_HEAD = ["Nordwerk", "Kessler", "Brandhorst", "Aldermann", "Fennwick", "Gradelstein",
            "Ostmark", "Sudholt", "Wieland", "Tessmer", "Harbeck", "Lunden"]
ORG_TAIL = ["AG", "GmbH", "Bau GmbH", "Logistik AG", "Werke", "Bank"]
CITY = ["Bremen", "Kassel", "Ulm", "Rostock", "Erfurt", "Passau", "Kiel", "Trier",
        "Gera", "Lingen", "Husum", "Weimar"]

TEMPLATES = [
    "{P} arbeitet seit Jahren bei der {O} in {L} .",
    "Die {O} hat ihren Sitz in {L} .",
    "Nach Angaben von {P} will die {O} weitere Stellen abbauen .",
    "In {L} traf sich {P} mit Vertretern der {O} .",
    "{P} sagte am Montag , die Lage in {L} sei ruhig .",
    "Der Vorstand der {O} um {P} kündigte Investitionen an .",
    "Ein Sprecher der {O} bestätigte , dass {P} nach {L} reist .",
    "Frau {P} und Herr {P} wohnen in {L} .",
]


def person(r, first, last):
    if r.random() < 0.6:
        return [(r.choice(first), "B-PER"), (r.choice(last), "I-PER")]
    return [(r.choice(last), "B-PER")]


def org(r, head, tail):
    out = [(r.choice(head), "B-ORG")]
    for w in r.choice(tail).split():
        out.append((w, "I-ORG"))
    return out


def sentence(r, names):
    first, last, head, tail, city = names
    toks = []
    for w in r.choice(TEMPLATES).split():
        if w == "{P}":
            toks += person(r, first, last)
        elif w == "{O}":
            toks += org(r, head, tail)
        elif w == "{L}":
            toks.append((r.choice(city), "B-LOC"))
        else:
            toks.append((w, "O"))
    return toks


def write(path, sentences):
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            for w, t in s:
                f.write("%s %s\n" % (w, t))
            f.write("\n")


def main():
    r = random.Random(4)
    here = os.path.dirname(os.path.abspath(__file__))
    train = (FIRST[:10], LAST[:10], ORG_HEAD[:8], ORG_TAIL, CITY[:8])
    test = (FIRST[10:], LAST[10:], ORG_HEAD[8:], ORG_TAIL, CITY[8:])
    write(os.path.join(here, "train.conll"), [sentence(r, train) for _ in range(120)])
    write(os.path.join(here, "test.conll"), [sentence(r, test) for _ in range(40)])


if __name__ == "__main__":
    main()
