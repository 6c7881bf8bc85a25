#!/usr/bin/env python3
"""Regenerate the gazetteers under data/gazetteer/ from the reference sources.

Usage: scripts/build_gazetteers.py [SOURCES_DIR] [--out DIR]

SOURCES_DIR defaults to ../shared/gazetteer-sources (relative to the current
directory, normally the repository root). Writes countries.tsv, cities.tsv and
organizations.tsv; merges the hand-edited files countries_extra.tsv,
cities_extra.tsv and organizations_extra.tsv from the output directory. The
formats are documented in data/README.md. Only the Python standard library is
used, and the output is deterministic (sorted, no timestamps).
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "data", "gazetteer")

# Cities: minimum population in German-speaking countries, and elsewhere.
MIN_POP_DACH = 15000
MIN_POP_WORLD = 100000
# Cities with an adjective in -er ("Berliner", "Moskauer"): in German-speaking
# countries from this population; elsewhere capitals and the cities with a
# German name in cities_extra.tsv.
MIN_POP_ADJ_DACH = 100000
# Cities below this population get no diacritic-free form of their name.
MIN_POP_PLAIN = 300000
# Cities below this population get only their main name, no alternate names.
MIN_POP_ALTERNATES = 1000000
DACH = {"DE", "AT", "CH"}

# CLDR codes that are not places (or are organizations handled elsewhere).
CLDR_SKIP = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XC", "001"}
# Destatis codes that are not places.
DESTATIS_SKIP = {"XA", "XB", "XC"}

# Letters a German text uses for place names; alternates with other letters
# (Moszkva's "sz" is fine, "Moscú" is not) are foreign spellings.
GERMAN_NAME = re.compile(
    r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*(?:[ -](?:[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*|am|an|im|in|ob|bei|vor|auf|der|dem|den|des|und|upon|on|de|la|le|del))*$"
)
# Main GeoNames names may use any Latin letters (São Paulo, Kyōto, Durrës).
def is_latin_name(name):
    if not name or not name[0].isupper():
        return False
    for c in name:
        o = ord(c)
        if c in " -.'":
            continue
        if not c.isalpha():
            return False
        if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF):
            return False
    return True


# Words inside alternate names that mark descriptions, not names.
NOISE_WORDS = {"Stadt", "City", "Shi", "Municipality", "Lungsod", "Gorod", "Kota", "Ciudad", "Town"}
# Weak (after an article) form of attributive adjectives in multiword names:
# "Vereinigte Staaten" -> "Vereinigten Staaten", "Europäischer Rat" -> "Europäischen Rat".
ADJ_ENDING = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]+(?:isch|ig|lich|al|ar|ent|iert|t))(e|er|es)$")
SUFFIXES = ["", "e", "en", "er", "es", "em"]


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in body if r]


def read_extra(path):
    """Hand-edited extra file: tab-separated, '#' comments, blank lines ignored."""
    out = []
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            out.append((i, line.split("\t")))
    return out


def split_list(s):
    return [x.strip() for x in s.split("|") if x.strip()]


def add_names(target, names):
    """Add names to the ordered list `target`; '-name' removes one."""
    for n in names:
        if n.startswith("-"):
            n = n[1:]
            while n in target:
                target.remove(n)
        elif n not in target:
            target.append(n)


def is_abbreviation(name):
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and " " not in name


def weak_form(name):
    """'Vereinigtes Königreich' -> 'Vereinigten Königreich'; None if no adjective."""
    words = name.split(" ")
    if len(words) < 2:
        return None
    changed = False
    for i, w in enumerate(words[:-1]):
        m = ADJ_ENDING.match(w)
        if m and words[i + 1][:1].isupper():
            words[i] = m.group(1) + "en"
            changed = True
    return " ".join(words) if changed else None


def genitive(name):
    """'Kasachstan' -> 'Kasachstans'; None where German adds no -s."""
    if is_abbreviation(name) or not name[-1].isalpha():
        return None
    if name[-1] in "sßxzSX" or name.endswith("e") or name.endswith("ei"):
        return None
    return name + "s"


def inflect_names(names, genitive_of=None):
    """Names with their weak adjective forms, and the genitives of the names
    in `genitive_of` (default: all) and of their weak forms."""
    out_names, out_gen = [], []
    gen_src = names if genitive_of is None else genitive_of
    for n in names:
        add_names(out_names, [n])
        w = weak_form(n)
        if w:
            add_names(out_names, [w])
        for form in (n, w):
            if form and n in gen_src:
                g = genitive(form)
                if g:
                    add_names(out_gen, [g])
    return out_names, out_gen


def strip_article(s):
    for art in ("der ", "die ", "das "):
        if s.startswith(art):
            return s[len(art):]
    return s


def clean_destatis_name(s):
    s = s.strip()
    if not s or s in ("staatenlos", "ungeklärt", "ohne Angabe"):
        return None
    if "(" in s or "," in s:
        return None
    return s


def adjective_base(s):
    s = s.strip().split("/")[0].strip()
    if not s or " " in s or "(" in s or not s[0].islower() or s == "staatenlos":
        return None
    return s


# --- countries -------------------------------------------------------------


# Endings of inhabitant nouns after the stem of an -isch adjective
# ("russ-isch": Russe, Russen, Russin, Russinnen; "syr-isch": Syrer, ...).
DEMONYM_ENDINGS = ["e", "en", "in", "innen", "er", "ern", "erin", "erinnen", "ier", "iern", "ierin", "ierinnen"]


def inhabitant_nouns(entries, out_dir):
    """Inhabitant nouns per entry key: derived from the entry's -isch
    adjectives, kept when data/lexicon/word_classes.tsv lists them as nouns
    (so only real words), then corrected by demonyms_extra.tsv."""
    nouns = set()
    classes = os.path.join(HERE, "..", "data", "lexicon", "word_classes.tsv")
    with open(classes, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1 and "noun" in parts[1].split(","):
                nouns.add(parts[0])
    out = {}
    for key, e in entries.items():
        forms = []
        for a in e["adjectives"]:
            stem = a[:-4] if a.endswith("isch") else None
            if not stem or len(stem) < 3:
                continue
            stem = stem[0].upper() + stem[1:]
            forms += [stem + end for end in DEMONYM_ENDINGS if stem + end in nouns]
        if forms:
            out[key] = []
            add_names(out[key], forms)
    by_canonical = {e["canonical"]: k for k, e in entries.items()}
    extra_path = os.path.join(out_dir, "demonyms_extra.tsv")
    for line, f in read_extra(extra_path):
        if len(f) != 2:
            sys.exit("%s:%d: expected 2 tab-separated fields" % (extra_path, line))
        key = by_canonical.get(f[0])
        if key is None:
            sys.exit("%s:%d: unknown country or region %r" % (extra_path, line, f[0]))
        forms = out.setdefault(key, [])
        for form in split_list(f[1]):
            if form.startswith("-"):
                if form[1:] not in forms:
                    sys.exit("%s:%d: %r is not derived for %s" % (extra_path, line, form[1:], f[0]))
                forms.remove(form[1:])
            else:
                add_names(forms, [form])
    return out


def build_countries(src, out_dir):
    rows = read_tsv(os.path.join(src, "countries_de.tsv"))
    with open(os.path.join(src, "cldr", "de-territories.json"), encoding="utf-8") as f:
        cldr = json.load(f)["main"]["de"]["localeDisplayNames"]["territories"]
    with open(os.path.join(src, "destatis", "svws-Nationalitaeten.json"), encoding="utf-8") as f:
        destatis = json.load(f)["daten"]
    with open(os.path.join(src, "geonames", "countries.json"), encoding="utf-8") as f:
        geo = json.load(f)

    entries = {}  # key -> dict
    for r in rows:
        iso2 = r["iso2"]
        if iso2 in CLDR_SKIP or iso2 in DESTATIS_SKIP:
            continue
        canonical = r["cldr_de"] or r["destatis_name"]
        if not canonical:
            continue
        g = geo.get(iso2)
        kind = "country" if r["destatis_code"] else "territory"
        if not r["cldr_de"]:
            # Only in the Destatis list: a former state (Sowjetunion); its
            # ISO code may be reused (CS), so no GeoNames id.
            kind, g = "historical", None
        e = {
            "kb": "geonames:%d" % g["geonameid"] if g else "",
            "iso2": iso2,
            "kind": kind,
            "canonical": canonical,
            "names": [canonical],
            "adjectives": [],
        }
        # CLDR alternative forms (short and variant), without parenthesized ones.
        for key, value in cldr.items():
            if key.startswith(iso2 + "-alt-") and "(" not in value:
                add_names(e["names"], [value])
        for value in (r["destatis_name"], strip_article(r["destatis_long"])):
            value = clean_destatis_name(value)
            if value and value != "Britisches Überseegebiet" and value != "Überseegebiet":
                add_names(e["names"], [value])
        adj = adjective_base(r["adjective_de"])
        if adj:
            e["adjectives"].append(adj)
        entries[iso2] = e

    # Historical states from the Destatis history (Sowjetunion, Jugoslawien, ...).
    known = {n for e in entries.values() for n in e["names"]}
    for d in destatis:
        for h in d["historie"]:
            if not h.get("gueltigBis"):
                continue
            name = clean_destatis_name(h["bezeichnung"])
            if not name or name in known:
                continue
            key = "hist:" + name
            e = entries.setdefault(key, {
                "kb": "",
                "iso2": h["iso2"],
                "kind": "historical",
                "canonical": name,
                "names": [name],
                "adjectives": [],
            })
            long = clean_destatis_name(strip_article(h["bezeichnungLang"]))
            if long:
                add_names(e["names"], [long])
            adj = adjective_base(h["staatsangehoerigkeit"])
            if adj and adj not in e["adjectives"]:
                e["adjectives"].append(adj)
            known.update(e["names"])

    # Continents and world regions from CLDR's numeric codes.
    for code, name in sorted(cldr.items()):
        if code.isdigit() and code not in CLDR_SKIP and "(" not in name:
            entries["region:" + code] = {
                "kb": "",
                "iso2": "",
                "kind": "region",
                "canonical": name,
                "names": [name],
                "adjectives": [],
            }

    # Hand-edited additions: iso2 (or canonical name), names, adjectives.
    by_canonical = {e["canonical"]: k for k, e in entries.items()}
    extra_path = os.path.join(out_dir, "countries_extra.tsv")
    for line, f in read_extra(extra_path):
        if len(f) > 5:
            sys.exit("%s:%d: more than 5 tab-separated fields" % (extra_path, line))
        f += [""] * (5 - len(f))
        key = f[0] if f[0] in entries else by_canonical.get(f[0])
        if key is None and f[3].strip() in ("region", "historical"):
            key = "extra:" + f[0]
            entries[key] = {
                "kb": "",
                "iso2": f[4].strip(),
                "kind": f[3].strip(),
                "canonical": f[0],
                "names": [f[0]],
                "adjectives": [],
            }
            by_canonical[f[0]] = key
        if key is None:
            sys.exit("%s:%d: unknown country %r (give kind region to add a place)" % (extra_path, line, f[0]))
        add_names(entries[key]["names"], split_list(f[1]))
        add_names(entries[key]["adjectives"], split_list(f[2]))

    demonyms = inhabitant_nouns(entries, out_dir)
    out = []
    for key in sorted(entries, key=lambda k: (entries[k]["kind"], entries[k]["canonical"])):
        e = entries[key]
        names, gens = inflect_names(e["names"])
        adjs = []
        for a in e["adjectives"]:
            for suf in SUFFIXES:
                add_names(adjs, [a + suf])
        add_names(adjs, [d for d in demonyms.get(key, []) if d not in names])
        out.append([e["kb"], e["iso2"], e["kind"], e["canonical"], "|".join(names), "|".join(gens), "|".join(adjs)])
    write_tsv(
        os.path.join(out_dir, "countries.tsv"),
        "kb_id\tiso2\tkind\tcanonical\tnames\tgenitives\tadjectives",
        out,
    )
    return {e["iso2"] for e in entries.values() if e["kind"] != "region"}, {
        n for e in entries.values() for n in e["names"]
    }


# --- cities ----------------------------------------------------------------


def spelling_key(name):
    """A rough key under which spellings of one name agree: Moskau ~ Moscow,
    München ~ Munich, Jekaterinburg ~ Yekaterinburg."""
    s = name.lower()
    for a, b in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("c", "k"), ("y", "j"), ("v", "w")):
        s = s.replace(a, b)
    return s


def good_alternate(name, main):
    """Keep an alternate name only if it is written with German letters, is
    not an airport code or description, and is a spelling of the main name
    (same first three letters after folding); other exonyms (Wien, Peking)
    come from cities_extra.tsv."""
    if not GERMAN_NAME.match(name):
        return False
    if len(name) < 4 or name.isupper():
        return False
    if any(w in NOISE_WORDS for w in re.split(r"[ -]", name)):
        return False
    a, b = spelling_key(name), spelling_key(main)
    if a[:3] != b[:3] or abs(len(a) - len(b)) > 2:
        return False
    return True


def read_stoplist(out_dir):
    """Stoplisted and never-matched names from the hand-edited stoplist.txt."""
    words = set()
    path = os.path.join(out_dir, "stoplist.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line.lstrip("!"))
    return words


def city_adjective(name):
    """The regular -er adjective of a one-word city name: Berlin -> Berliner,
    Jena -> Jenaer, Moskau -> Moskauer; None where German forms it otherwise
    (names in -e, -en, -i, -u but -au; irregular ones come from cities_extra.tsv)."""
    if " " in name or "-" in name or len(name) < 4 or not name[0].isupper():
        return None
    if name.endswith("en") or name[-1] in "eiyäöüEIY" or not name[-1].isalpha():
        return None
    if name[-1] in "uU" and not name.endswith("au"):
        return None
    return name + "er"


def build_cities(src, out_dir, country_names):
    stopped = read_stoplist(out_dir)
    with open(os.path.join(src, "geonames", "countries.json"), encoding="utf-8") as f:
        capitals = {(c["capital"], iso) for iso, c in json.load(f).items() if c.get("capital")}
    with open(os.path.join(src, "geonames", "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    extra = {}
    extra_path = os.path.join(out_dir, "cities_extra.tsv")
    for line, f in read_extra(extra_path):
        if len(f) > 4:
            sys.exit("%s:%d: more than 4 tab-separated fields" % (extra_path, line))
        f += [""] * (4 - len(f))
        if f[0] not in cities:
            sys.exit("%s:%d: unknown GeoNames id %r" % (extra_path, line, f[0]))
        # Keep removals ("-Name") as written; they apply when the entry is built.
        canonical, names, adjs = extra.get(f[0], ("", [], []))
        extra[f[0]] = (f[1].strip() or canonical, names + split_list(f[2]), adjs + split_list(f[3]))

    kept = []
    main_name = {}
    city_adjs = {}
    for gid, c in cities.items():
        pop = c["population"] or 0
        cc = c["countrycode"]
        if gid not in extra and pop < (MIN_POP_DACH if cc in DACH else MIN_POP_WORLD):
            continue
        canonical, more, adj_extra = extra.get(gid, ("", [], []))
        main = c["name"]
        names = []
        if is_latin_name(main) or main in (canonical,):
            names.append(main)
        if canonical:
            add_names(names, [canonical])
        else:
            canonical = main
        # The name without diacritics, as often written: Kandahār -> Kandahar.
        # Only where just accents go (no letter is lost: "Gießen" must not
        # become "Gieen"), outside German-speaking countries (there umlauts
        # stay) and for larger cities (small ones collide with names: Būsh).
        decomposed = unicodedata.normalize("NFKD", main)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if (
            names
            and plain != main
            and plain.isascii()
            and cc not in DACH
            and pop >= MIN_POP_PLAIN
            and is_latin_name(plain)
            and len(plain) >= 4
        ):
            add_names(names, [plain])
        if pop >= MIN_POP_ALTERNATES:
            add_names(names, sorted(a for a in c["alternatenames"] if good_alternate(a, main)))
        add_names(names, more)
        if not names:
            continue
        adjs = []
        if (pop >= MIN_POP_ADJ_DACH if cc in DACH else (main, cc) in capitals or gid in extra):
            base = canonical if GERMAN_NAME.match(canonical) else main
            a = city_adjective(base)
            if a and base not in stopped:
                adjs.append(a)
        add_names(adjs, adj_extra)
        kept.append((gid, cc, pop, canonical, names))
        main_name[gid] = main
        city_adjs[gid] = adjs

    # A name shared by several places belongs to the most populous one.
    owner = {}
    for gid, cc, pop, canonical, names in kept:
        for n in names:
            if n in country_names:
                continue
            if n not in owner or pop > owner[n][0] or (pop == owner[n][0] and int(gid) < int(owner[n][1])):
                owner[n] = (pop, gid)
    out = []
    adj_seen = set()
    for gid, cc, pop, canonical, names in sorted(kept, key=lambda k: (-k[2], int(k[0]))):
        mine = [n for n in names if owner.get(n, (0, None))[1] == gid]
        if not mine:
            continue
        if canonical not in mine and canonical in country_names:
            continue  # a city-state already listed as a country
        names, gens = inflect_names(mine, [n for n in mine if n in (main_name[gid], canonical)])
        adjs = [a for a in city_adjs[gid] if a not in adj_seen and a not in country_names]
        adj_seen.update(adjs)
        out.append(["geonames:" + gid, cc, str(pop), canonical, "|".join(names), "|".join(gens), "|".join(adjs)])
    write_tsv(
        os.path.join(out_dir, "cities.tsv"),
        "kb_id\tiso2\tpopulation\tcanonical\tnames\tgenitives\tadjectives",
        out,
    )


# --- organizations ---------------------------------------------------------


def build_organizations(src, out_dir):
    rows = read_tsv(os.path.join(src, "orgs", "supraverden_orgs.tsv"))
    orgs = {}
    order = []
    for r in rows:
        qid = r["wikidata"].strip()
        if not re.match(r"^Q\d+$", qid):
            continue
        name_de = r["name_de"].strip()
        name_en = r["name_en"].strip().replace("\u2010", "-")
        e = orgs.get(qid)
        if e is None:
            e = {"kb": qid, "kind": "international", "canonical": name_de or name_en, "names": [], "abbr": []}
            orgs[qid] = e
            order.append(qid)
        for n in (name_de, name_en):
            if not n:
                continue
            if is_abbreviation(n):
                add_names(e["abbr"], [n])
            else:
                add_names(e["names"], [n])
        for a in (r["abbr_en"], r["abbr_other_en"], r["abbr_fr"]):
            a = a.strip()
            if a and is_abbreviation(a) and len(a) >= 3:
                add_names(e["abbr"], [a])

    extra_path = os.path.join(out_dir, "organizations_extra.tsv")
    for line, f in read_extra(extra_path):
        if len(f) > 5:
            sys.exit("%s:%d: more than 5 tab-separated fields" % (extra_path, line))
        f += [""] * (5 - len(f))
        kb, kind, canonical, names, abbr = (x.strip() for x in f[:5])
        if kb and kb in orgs:
            e = orgs[kb]
        elif kb and not re.match(r"^Q\d+$", kb):
            sys.exit("%s:%d: kb id %r is not a Wikidata QID" % (extra_path, line, kb))
        else:
            if not canonical:
                sys.exit("%s:%d: a new organization needs a canonical name" % (extra_path, line))
            key = kb or "name:" + canonical
            e = orgs.setdefault(key, {"kb": kb, "kind": kind or "other", "canonical": canonical, "names": [], "abbr": []})
            if key not in order:
                order.append(key)
        if kind == "drop":
            del orgs[kb or "name:" + canonical]
            order.remove(kb or "name:" + canonical)
            continue
        if kind:
            e["kind"] = kind
        if canonical:
            e["canonical"] = canonical
        add_names(e["names"], split_list(names))
        add_names(e["abbr"], split_list(abbr))

    # An abbreviation claimed by two organizations is ambiguous: drop it from
    # both unless the hand-edited file gave it explicitly (then keep the first).
    count = {}
    for key in order:
        for a in orgs[key]["abbr"]:
            count[a] = count.get(a, 0) + 1
    seen = set()
    out = []
    for key in sorted(order, key=lambda k: (orgs[k]["canonical"], k)):
        e = orgs[key]
        abbr = [a for a in e["abbr"] if count[a] == 1 and a not in seen]
        seen.update(abbr)
        # Genitive -s only on one-word names and "Adjective Noun" names
        # ("Europarats", "Europäischen Parlaments"), never on phrases.
        names, gens = inflect_names(e["names"], [n for n in e["names"] if n.count(" ") <= 1])
        names = [n for n in names if n not in abbr]
        if e["canonical"] not in names and e["canonical"] not in abbr:
            if is_abbreviation(e["canonical"]):
                abbr.insert(0, e["canonical"])
            else:
                names.insert(0, e["canonical"])
        if not names and not abbr:
            continue
        out.append([e["kb"], e["kind"], e["canonical"], "|".join(names), "|".join(gens), "|".join(abbr)])
    write_tsv(
        os.path.join(out_dir, "organizations.tsv"),
        "kb_id\tkind\tcanonical\tnames\tgenitives\tabbreviations",
        out,
    )


def write_tsv(path, header, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by scripts/build_gazetteers.py; format in data/README.md\n")
        f.write("# " + header + "\n")
        for r in rows:
            for field in r:
                if "\t" in field or "\n" in field:
                    sys.exit("field with tab or newline in %s: %r" % (path, field))
            f.write("\t".join(r) + "\n")
    os.replace(tmp, path)
    print("wrote %s (%d entries)" % (os.path.relpath(path), len(rows)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="?", default=os.path.join("..", "shared", "gazetteer-sources"))
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: data/gazetteer)")
    args = ap.parse_args()
    if not os.path.isdir(args.sources):
        sys.exit("sources directory not found: %s" % args.sources)
    os.makedirs(args.out, exist_ok=True)
    isos, country_names = build_countries(args.sources, args.out)
    build_cities(args.sources, args.out, country_names)
    build_organizations(args.sources, args.out)


if __name__ == "__main__":
    main()
