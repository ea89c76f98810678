#!/usr/bin/env python3
"""gen_national.py: build a national kngg benchmark database.

    python3 bench/gen_national.py OUT.db                 # 342 municipalities
    python3 bench/gen_national.py --single GM0479 OUT.db # only that one
    python3 bench/gen_national.py --municipalities 10 OUT.db  # 3420 of them
    python3 bench/gen_national.py --events 10 OUT.db     # 10x each history

Every municipality gets ten years (2016-2025) of journal: phase 1 with a few
reopened steps, three areas running phase 2, yearly phase-3 and phase-4 cycles
with QuickScan scores, and factor checks; about 300-500 events each.

The history of a municipality depends only on the seed and its code, so the
--single database holds exactly the same history (same events, same order)
as that municipality has in the national one; only the row ids differ.

Scales (bench/run.sh --scale): --municipalities K makes K x 342
municipalities (the first 342 as at 1x; the rest with codes above GM1999,
which real codes never reach); --events K makes each history about K times as
dense: the recorded facts (factor checks, QuickScan scores, activities,
deliverables) are repeated a few days to weeks later until the history has
about K times its events, as a municipality that records weekly rather than
monthly would; step starts, completions, areas and cycles stay as they were,
so the steps' states are the same and mostly the amount of journal grows.

The schema is src/store/schema.sql (next to this folder), executed verbatim;
rows are inserted by column name, so columns added later (with a default or
NULL allowed) do not break the generator. Standard library only.
"""
import argparse
import datetime as dt
import os
import random
import re
import sqlite3
import sys
import time

SEED = 20211101  # the guide's publication month; change it and every DB changes
N_MUNICIPALITIES = 342
YEAR_FIRST, YEAR_LAST = 2016, 2025
END = dt.date(YEAR_LAST, 12, 31)
DEFS_VERSION = "2021.1"
APPLICATION_ID = 0x4B4E4747  # 'KNGG' = 1263421255
DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              os.pardir, "src", "store", "schema.sql")

# Steps and process parts with their number of activities and deliverables
# (as `kngg phases` lists them; ids are stable, the guide only ever adds).
PHASE1 = [("1.1", 4, 4), ("1.2", 8, 4), ("1.3", 2, 5), ("1.4", 7, 2),
          ("1.5", 3, 2), ("1.6", 4, 2), ("1.7", 7, 4), ("1.8", 4, 5)]
PHASE2 = [("2.1", 7, 2), ("2.2", 5, 2), ("2.3", 4, 1), ("2.4", 5, 2),
          ("2.5", 9, 2)]
PHASE3 = [("3.proces", 7, 2), ("3.netwerkorganisatie", 3, 3),
          ("3.kwaliteit", 4, 2), ("3.monitoring", 5, 3),
          ("3.informatie", 7, 5), ("3.scholing", 6, 6)]
PHASE4 = [("4.proces", 5, 3), ("4.borging", 7, 5)]
FACTORS = ["integraal", "gemeente", "langetermijn", "leiderschap",
           "draagvlak", "leren", "borging", "enthousiasme"]
THEMES = ["clientgerichtheid", "ketencommitment",
          "interprofessionele-samenwerking", "ondersteuning-en-zorg",
          "casusregie-en-logistiek", "resultaatgericht-leren",
          "resultaatmanagement", "organisatie-en-financiering"]

DOC_TITLE = {
    "1.1": "Opdrachtformulering", "1.2": "Startfoto", "1.3": "Gewenste situatie",
    "1.4": "Analyse benodigdheden", "1.5": "Besluitnotitie",
    "1.6": "Samenwerkingsovereenkomst", "1.7": "Projectplan",
    "1.8": "Ketenaanpak", "2.1": "Pilotverslag", "2.2": "Evaluatie",
    "2.3": "Verbeterplan", "2.4": "Borgingsnotitie", "2.5": "Uitbreidingsplan",
    "3.proces": "Jaarplan", "3.netwerkorganisatie": "Netwerkanalyse",
    "3.kwaliteit": "Kwaliteitskader", "3.monitoring": "Monitoringsrapportage",
    "3.informatie": "Afsprakenset informatie-uitwisseling",
    "3.scholing": "Scholingsprogramma", "4.proces": "Transformatieagenda",
    "4.borging": "Financieringsafspraken",
}

# Some real municipalities with their CBS codes; the rest is made up.
FIXED = [("GM0479", "Zaanstad"), ("GM0363", "Amsterdam"),
         ("GM0599", "Rotterdam"), ("GM0518", "'s-Gravenhage"),
         ("GM0344", "Utrecht"), ("GM0014", "Groningen"),
         ("GM0772", "Eindhoven"), ("GM0855", "Tilburg"),
         ("GM0034", "Almere"), ("GM0758", "Breda"), ("GM0268", "Nijmegen"),
         ("GM0392", "Haarlem"), ("GM0202", "Arnhem"),
         ("GM0193", "Zwolle"), ("GM0935", "Maastricht")]
NAME_PRE = ["", "", "", "", "Oost", "West", "Noord", "Zuid", "Nieuw", "Oud",
            "Groot", "Klein", "Hoog", "Laag", "Sint-"]
NAME_ROOT = ["Beek", "Bergen", "Brak", "Dongen", "Eem", "Elst", "Ham",
             "Hel", "Horst", "Kamp", "Leer", "Linde", "Made", "Maar", "Mid",
             "Molen", "Ooster", "Put", "Rijs", "Ros", "Schaar", "Stad",
             "Veen", "Vlier", "Wa", "Wester", "Wier", "Zand", "Zeven",
             "Bos", "Graven", "Heer", "Aal", "Ber", "Dal", "Lier", "Ter"]
NAME_SUF = ["dam", "dijk", "dorp", "hoven", "huizen", "kerk", "wijk",
            "wolde", "zijl", "recht", "broek", "hout", "meer", "land",
            "veen", "stede", "burg", "horst", "oord", "lo", "rode", "haar"]
FIRST = ["Anouk", "Bart", "Charlotte", "Daan", "Eva", "Femke", "Gert",
         "Hanneke", "Ingrid", "Jeroen", "Karin", "Lieke", "Maarten", "Noor",
         "Olaf", "Petra", "Ruud", "Sanne", "Tom", "Ute", "Vera", "Wouter",
         "Yvonne", "Sven", "Marloes", "Joost", "Annelies", "Bram", "Fleur",
         "Hans", "Ilse", "Kees", "Linda", "Mirjam", "Niels", "Esther"]
LAST = ["Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos",
        "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "van Dijk",
        "van Leeuwen", "van den Berg", "van der Wal", "de Vries", "de Boer",
        "de Groot", "Kok", "Schouten", "Post", "Vermeulen", "Willems",
        "Kuipers", "Hoekstra", "Prins", "Maas", "Koster", "van der Veen",
        "van der Linden", "de Graaf", "Huisman", "Sanders", "ter Horst",
        "van de Kamp", "El Amrani", "Yilmaz", "Öztürk", "de Jong"]
AREA_NAMES = ["Centrum", "Noord", "Zuid", "Oost", "West", "Oude Dorp",
              "Stationsbuurt", "De Hoven", "Nieuwland", "Kerkwijk",
              "Havenkwartier", "Molenwijk", "Rivierenbuurt", "Bloemenwijk"]
TARGET_GROUPS = ["0-4 jaar", "4-12 jaar", "12-18 jaar", "0-18 jaar",
                 "gezinnen met jonge kinderen", None]
FACTOR_NOTES = ["besproken in stuurgroep", "gesprek met wethouder",
                "uit evaluatie netwerkpartners", "na teamoverleg",
                "bij jaarplanning", "signaal van JGZ", "na raadsinformatie",
                "bijgesteld na QuickScan"]


def municipalities(scale=1):
    """The national list [(code, name)], the same on every call; with
    scale K, K x 342 (the 1x list first, then codes GM2000 and up)."""
    rng = random.Random(f"{SEED}:municipalities")
    fixed_codes = {c for c, _ in FIXED}
    fixed_names = {n for _, n in FIXED}
    pool = [f"GM{i:04d}" for i in range(1, 2000)
            if f"GM{i:04d}" not in fixed_codes]
    codes = rng.sample(pool, N_MUNICIPALITIES - len(FIXED))
    names, seen = [], set(fixed_names)
    while len(names) < len(codes):
        n = rng.choice(NAME_PRE)
        root = rng.choice(NAME_ROOT)
        n = (n + " " + root if n and not n.endswith("-") else n + root)
        n += rng.choice(NAME_SUF)
        if n not in seen:
            seen.add(n)
            names.append(n)
    out = FIXED + list(zip(codes, names))
    for k in range(N_MUNICIPALITIES * (scale - 1)):
        out.append((f"GM{2000 + k:04d}", f"{names[k % len(names)]} {k // len(names) + 2}"))
    out.sort()
    return out


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


class History:
    """One municipality's journal, built in date order."""

    def __init__(self, code, name):
        self.code, self.name = code, name
        self.rng = random.Random(f"{SEED}:{code}")
        self.events = []  # dicts; 'area'/'cycle' are local keys until insert
        self.areas = []   # (key, name, target_group, date)
        self.cycles = []  # (key, phase, number, date)
        self.team = [person(self.rng) for _ in range(self.rng.randint(2, 4))]

    def ev(self, date, kind, target=None, area=None, cycle=None, score=None,
           value=None, note=None):
        if date > END:
            return False
        self.events.append(dict(date=date, kind=kind, target=target,
                                area=area, cycle=cycle, score=score,
                                value=value, note=note,
                                by=self.rng.choice(self.team),
                                seq=len(self.events)))
        return True

    def days(self, lo, hi):
        return dt.timedelta(days=lo + int(self.rng.random() * (hi - lo + 1)))

    def step(self, start, sid, nact, ndel, p_act, p_del, dur, area=None,
             cycle=None, p_reopen=0.0, finish=True):
        """start, activities, deliverables, done (and maybe a reopen);
        returns the date the step was (last) done."""
        rng = self.rng
        done = start + self.days(*dur)
        self.ev(start, "step.start", sid, area, cycle)
        span = (done - start).days
        for i in range(1, nact + 1):
            if rng.random() < p_act:
                self.ev(start + self.days(0, span),
                        "activity.done", f"{sid}/a{i}", area, cycle)
        year = start.year
        for i in range(1, ndel + 1):
            if rng.random() < p_del:
                title = f"{DOC_TITLE[sid]} {self.name} {year}"
                if ndel > 1:
                    title += f" ({i})"
                self.ev(start + self.days(span // 2, span),
                        "deliverable.done", f"{sid}/d{i}", area, cycle,
                        value=title)
        if not finish:
            return done
        self.ev(done, "step.done", sid, area, cycle,
                note=rng.choice([None, None, "akkoord stuurgroep",
                                 "besproken in projectgroep"]))
        if rng.random() < p_reopen:
            again = done + self.days(14, 90)
            self.ev(again, "step.reopen", sid, area, cycle,
                    note=rng.choice(["nieuwe inzichten", "verzoek wethouder",
                                     "evaluatie gaf aanleiding"]))
            if nact:
                self.ev(again + self.days(1, 20), "activity.done",
                        f"{sid}/a{rng.randint(1, nact)}", area, cycle)
            done = again + self.days(21, 60)
            self.ev(done, "step.done", sid, area, cycle)
        return done

    def build(self):
        rng = self.rng
        t = dt.date(YEAR_FIRST, 1, 4) + self.days(0, 120)
        self.ev(t, "municipality.add", value=self.name)
        self.created = t

        # Factor checks: a baseline on all eight, then some each year.
        level = {f: rng.randint(1, 3) for f in FACTORS}
        for f in FACTORS:
            self.ev(t + self.days(7, 30), "factor", f, score=level[f],
                    note="nulmeting")
        for year in range(YEAR_FIRST + 1, YEAR_LAST + 1):
            day = dt.date(year, 1, 15) + self.days(0, 300)
            for f in rng.sample(FACTORS, rng.randint(1, 5)):
                level[f] = max(1, min(5, level[f] + rng.choice([-1, 0, 0, 1, 1])))
                self.ev(day, "factor", f, score=level[f],
                        note=rng.choice(FACTOR_NOTES))

        # Phase 1: all steps in order, nearly everything recorded.
        t += self.days(7, 40)
        for sid, na, nd in PHASE1:
            t = self.step(t, sid, na, nd, 0.9, 0.95, (20, 80),
                          p_reopen=0.12) + self.days(1, 10)

        # Phase 2: three areas, started a few months apart.
        area_done = []
        names = rng.sample(AREA_NAMES, 3)
        a_start = t
        for k in range(3):
            key = ("area", k)
            self.areas.append((key, names[k], rng.choice(TARGET_GROUPS), a_start))
            self.ev(a_start, "area.add", area=key,
                    value=self.areas[-1][2])
            s = a_start + self.days(3, 20)
            for sid, na, nd in PHASE2:
                s = self.step(s, sid, na, nd, 0.45, 0.6, (30, 110), area=key,
                              p_reopen=0.08) + self.days(1, 14)
            area_done.append(s)
            a_start += self.days(60, 200)

        # Phases 3 and 4: yearly cycles once the first area has finished.
        p3 = area_done[0] + self.days(30, 200)
        p4 = p3 + self.days(400, 800)
        for phase, first, parts, pa, pd in ((3, p3, PHASE3, 0.1, 0.15),
                                            (4, p4, PHASE4, 0.2, 0.3)):
            start, number = first, 1
            while start <= END:
                key = ("cycle", phase, number)
                self.cycles.append((key, phase, number, start))
                self.ev(start, "cycle.start", str(phase), cycle=key)
                if phase == 3:
                    qs = start + self.days(5, 40)
                    for th in THEMES:
                        self.ev(qs, "quickscan", th, cycle=key,
                                score=min(5, max(1, number // 2 + rng.randint(1, 3))))
                for sid, na, nd in parts:
                    ps = start + self.days(0, 60)
                    # Most parts finish within the year; the last cycle is
                    # cut off at END, which leaves it in progress.
                    self.step(ps, sid, na, nd, pa, pd, (90, 300), cycle=key,
                              finish=rng.random() < 0.93)
                start = dt.date(start.year + 1, start.month, min(start.day, 28))
                start += self.days(-10, 20)
                number += 1

    def densify(self, k):
        """Repeats the recorded facts, days to weeks later (until END), until
        the history has about k times its events; steps, areas and cycles are
        not repeated."""
        facts = ("factor", "quickscan", "activity.done", "deliverable.done")
        base = [e for e in self.events if e["kind"] in facts]
        want = (k - 1) * len(self.events)
        for r in range(1, 1 + (want + len(base) - 1) // max(1, len(base))):
            for e in base:
                self.ev(e["date"] + self.days(r, 7 * r), e["kind"], e["target"],
                        e["area"], e["cycle"], e["score"], e["value"],
                        e["note"])

    def timestamps(self):
        """Sort by date (generation order breaks ties) and give each event a
        recorded_at that is strictly increasing: entered on the day or a few
        days later."""
        rnd = self.rng.random
        lags = (0, 0, 0, 0, 1, 2, 7)
        self.events.sort(key=lambda e: (e["date"], e["seq"]))
        prev = None
        for e in self.events:
            d = e["date"].toordinal() + lags[int(rnd() * 7)]
            when = d * 86400 + 8 * 3600 + int(rnd() * 10 * 3600)  # 08-18h
            if prev is not None and when <= prev:
                when = prev + 1 + int(rnd() * 120)
            e["recorded_at"] = when
            prev = when


def fmt_ts(t):
    """t: seconds since day 1 of the proleptic Gregorian calendar."""
    day, s = divmod(t, 86400)
    return (f"{dt.date.fromordinal(day).isoformat()}T"
            f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}Z")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="database file to create")
    ap.add_argument("--single", metavar="CODE",
                    help="only this municipality (same history as nationally)")
    ap.add_argument("--schema", default=DEFAULT_SCHEMA,
                    help="schema file to execute (default: src/store/schema.sql)")
    ap.add_argument("--force", action="store_true",
                    help="replace OUT if it exists")
    ap.add_argument("--municipalities", type=int, default=1, metavar="K",
                    help="K x 342 municipalities (default 1)")
    ap.add_argument("--events", type=int, default=1, metavar="K",
                    help="each history about K times as dense (default 1)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    if args.municipalities < 1 or args.events < 1:
        sys.exit("gen_national: scales are whole numbers from 1")
    munis = municipalities(args.municipalities)
    if args.single:
        munis = [m for m in munis if m[0] == args.single]
        if not munis:
            sys.exit(f"gen_national: unknown municipality {args.single!r}")

    if os.path.exists(args.out):
        if not args.force:
            sys.exit(f"gen_national: {args.out} exists (use --force)")
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(args.out + suffix):
                os.remove(args.out + suffix)
    with open(args.schema, encoding="utf-8") as f:
        schema = f.read()

    histories = []
    for code, name in munis:
        h = History(code, name)
        h.build()
        h.densify(args.events)
        h.timestamps()
        histories.append(h)

    # One national journal in recorded order: the file a real shared
    # database would have grown into, municipalities interleaved.
    allev = [(e["recorded_at"], i, e) for i, h in enumerate(histories)
             for e in h.events]
    allev.sort(key=lambda x: (x[0], x[1], x[2]["seq"]))

    db = sqlite3.connect(args.out, isolation_level=None)
    db.executescript(schema)
    if db.execute("PRAGMA application_id").fetchone()[0] == 0:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if db.execute("PRAGMA user_version").fetchone()[0] == 0:
        m = re.search(r"user_version\s*=\s*(\d+)", schema)
        db.execute(f"PRAGMA user_version = {int(m.group(1)) if m else 1}")
    # Load without a journal, then switch to WAL (kngg's mode, persistent).
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -131072")
    db.execute("PRAGMA foreign_keys = ON")

    need = {"municipality": ["code", "name", "created_at"],
            "area": ["id", "municipality", "name", "target_group", "created_at"],
            "cycle": ["id", "municipality", "phase", "number", "started"],
            "event": ["recorded_at", "date", "municipality", "kind", "target",
                      "area_id", "cycle_id", "score", "value", "by", "note",
                      "defs_version"]}
    for table, cols in need.items():
        have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        missing = [c for c in cols if c not in have]
        if missing:
            sys.exit(f"gen_national: schema has no {table}.{', '.join(missing)}")

    def insert(table, rows):
        cols = need[table]
        q = '"' + '", "'.join(cols) + '"'
        db.executemany(f'INSERT INTO "{table}" ({q}) VALUES '
                       f'({", ".join("?" * len(cols))})', rows)

    # ids of areas and cycles in the order they were created
    created = []
    for i, h in enumerate(histories):
        created += [(d, i, "area", a) for a in h.areas for d in [a[3]]]
        created += [(d, i, "cycle", c) for c in h.cycles for d in [c[3]]]
    created.sort(key=lambda x: (x[0], x[1], x[2], x[3][0]))
    ids, area_rows, cycle_rows = {}, [], []
    for d, i, what, row in created:
        code = histories[i].code
        if what == "area":
            key, name, group, date = row
            ids[(i, key)] = len(area_rows) + 1
            area_rows.append((ids[(i, key)], code, name, group,
                              fmt_ts(date.toordinal() * 86400 + 9 * 3600)))
        else:
            key, phase, number, date = row
            ids[(i, key)] = len(cycle_rows) + 1
            cycle_rows.append((ids[(i, key)], code, phase, number,
                               date.isoformat()))

    ev_rows = [(fmt_ts(r), e["date"].isoformat(), histories[i].code, e["kind"],
                e["target"],
                ids[(i, e["area"])] if e["area"] else None,
                ids[(i, e["cycle"])] if e["cycle"] else None,
                e["score"], e["value"], e["by"], e["note"], DEFS_VERSION)
               for r, i, e in allev]

    db.execute("BEGIN")
    insert("municipality", [(h.code, h.name, fmt_ts(h.events[0]["recorded_at"]))
                            for h in histories])
    insert("area", area_rows)
    insert("cycle", cycle_rows)
    insert("event", ev_rows)
    db.execute("COMMIT")
    bad = db.execute("PRAGMA foreign_key_check").fetchall()
    if bad:
        sys.exit(f"gen_national: foreign key violations: {bad[:5]}")
    if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
        sys.exit("gen_national: could not switch to WAL")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    per = [len(h.events) for h in histories]
    print(f"{args.out}: {len(histories)} municipalities, {len(ev_rows)} events "
          f"({min(per)}-{max(per)} per municipality, mean {sum(per) / len(per):.0f}), "
          f"{len(area_rows)} areas, {len(cycle_rows)} cycles, "
          f"{os.path.getsize(args.out) / 2**20:.1f} MiB, "
          f"{time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
