#!/usr/bin/env python3
"""Regenerate data/articles/smartdata-news.jsonl: a handful of real German news
texts from the DFKI SmartData corpus (CC BY 4.0), chosen for the variety of
people, organizations and places in them. The corpus cuts most texts off
mid-sentence ("ihrer Tochter Ethi"); each text here ends at its last full
stop, question or exclamation mark, so no word fragment becomes a name.

Usage: python3 scripts/bundle_articles.py [SMARTDATA_TRAIN_JSONL] [OUT]
"""
import json
import re
import sys

# Article ids (URL@timestamp prefixes) in the SmartData v1 training split.
CHOSEN = [
    "http://www.rhein-zeitung.de/nachrichten/deutschland-und-welt_artikel,-Gabriel",
    "http://www.rhein-zeitung.de/nachrichten/deutschland-und-welt_artikel,-Verdi",
    "http://www.gelnhaeuser-tageblatt.de/politik/thema-des-tages/afd-triump",
    "http://www.ariva.de/news/Chef-der-Ethikbank-kuendigt-Streik-an-Protest",
    "http://www.verivox.de/nachrichten/yahoo-lagert-kerngeschaeft-in-neues-",
    "http://www.boerse-online.de/nachrichten/aktien/Flugbegleiter-weiten-St",
    "http://hessenschau.de/wirtschaft/boersen-chef-warnt-vor-abstieg-des-fi",
    "http://www.nwzonline.de/blaulicht/mark-zuckerberg-raeumt-fehler-im-umg",
    "http://www.stuttgarter-zeitung.de/inhalt.deutschland-anleger-der-insol",
    "http://www.wallstreet-online.de/nachricht/8126187-hermes-profitiert-po",
    "http://www.derwesten.de/wp/staedte/nachrichten-aus-herne-und-wanne-eic",
    "http://www.volksfreund.de/4465465@2016-04-16T10:11:56.000+02:00",
    "http://www.automobilwoche.de/article/20151130/NACHRICHTEN/151129970@20",
]


def whole_sentences(text):
    """`text` up to its last sentence-final mark (with a closing quote), plus
    a newline; unchanged if it has no such mark."""
    ends = list(re.finditer(r'[.!?][»«"“”\']?(?=\s|$)', text))
    if not ends:
        return text
    return text[: ends[-1].end()] + "\n"


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/smartdata/smartdata-v1_train.jsonl"
    out = sys.argv[2] if len(sys.argv) > 2 else "data/articles/smartdata-news.jsonl"
    docs = [json.loads(line) for line in open(src, encoding="utf-8")]
    picked = []
    for prefix in CHOSEN:
        matches = [d for d in docs if d["id"].startswith(prefix)]
        if len(matches) != 1:
            sys.exit(f"{prefix}: expected one article, found {len(matches)}")
        d = matches[0]
        picked.append({"id": d["id"], "date": d["date"][:10], "text": whole_sentences(d["text"])})
    with open(out, "w", encoding="utf-8") as f:
        for d in picked:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(picked)} articles to {out}")


if __name__ == "__main__":
    main()
