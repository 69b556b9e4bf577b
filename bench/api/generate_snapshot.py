#!/usr/bin/env python3
"""Writes a realistic serving snapshot (docs/marts.md, schema version 1) into a folder lake, for the metrics-api bench.

One build, N athletes; each athlete gets ACTIVITIES activities spread over the years before the as-of date (rides with
power, runs, a few others), with every mart of docs/marts.md: zone times (HR 5, power 6 seed6, pace 7), power bests
(9 durations), power curve (3 windows), run bests, daily fitness (CTL/ATL/form by the METRICS.md recurrences), the
90-day view per day x sport with its full column set (+ _prev, _change_pct), weekly metrics and zone definitions.

Usage: generate_snapshot.py LAKE_DIR [--athletes 1] [--activities 3000] [--seed 7]
"""
import argparse
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import random

DURATIONS = [15, 30, 60, 120, 300, 600, 1200, 1800, 3600]
CURVE = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200]
DISTANCES = [("400m", 400.0), ("1k", 1000.0), ("1mile", 1609.344), ("5k", 5000.0), ("10k", 10000.0),
             ("half_marathon", 21097.5), ("marathon", 42195.0)]
SPORTS = ["all", "ride", "run", "other"]
AS_OF = dt.datetime(2026, 11, 27, 10, 15, tzinfo=dt.timezone.utc)


def rolling_columns():
    base = [("activity_count", "INT64"), ("active_days", "INT64"), ("moving_time_s", "INT64"), ("distance_m", "FLOAT64"),
            ("elevation_gain_m", "FLOAT64"), ("kilojoules", "FLOAT64"), ("load", "FLOAT64")]
    for kind, n in (("hr", 5), ("power", 7), ("pace", 7)):
        base += [(f"{kind}_z{z}_s", "INT64") for z in range(1, n + 1)]
        base += [(f"{kind}_z{z}_share", "FLOAT64") for z in range(1, n + 1)]
    base += [("avg_if", "FLOAT64")]
    base += [(f"power_best_{d}_w", "FLOAT64") for d in DURATIONS]
    base += [("eftp_w", "FLOAT64"), ("run_best_5k_s", "FLOAT64"), ("threshold_pace_mps", "FLOAT64"), ("ctl", "FLOAT64")]
    cols = [("athlete_id", "INT64"), ("date", "DATE"), ("sport", "STRING")] + base
    cols += [(n + "_prev", t) for n, t in base]
    cols += [(n + "_change_pct", "FLOAT64") for n, _ in base]
    return cols, base


MARTS = {
    "mart_athlete": [("athlete_id", "INT64"), ("firstname", "STRING"), ("lastname", "STRING"), ("name", "STRING"),
                     ("sex", "STRING"), ("city", "STRING"), ("country", "STRING"), ("weight_kg", "FLOAT64"),
                     ("date_of_birth", "DATE"), ("max_hr_bpm", "INT64"), ("max_hr_source", "STRING"),
                     ("rest_hr_bpm", "INT64"), ("ftp_w", "INT64"), ("ftp_source", "STRING"),
                     ("threshold_pace_mps", "FLOAT64"), ("power_zone_preset", "STRING"), ("activity_count", "INT64"),
                     ("first_activity_date", "DATE"), ("last_activity_date", "DATE")],
    "mart_activities": [("athlete_id", "INT64"), ("activity_id", "INT64"), ("name", "STRING"), ("sport", "STRING"),
                        ("sport_type", "STRING"), ("type", "STRING"), ("activity_type", "STRING"),
                        ("activity_subtype", "STRING"), ("is_race", "BOOL"), ("is_indoor", "BOOL"),
                        ("workout_type", "INT64"), ("start_date", "TIMESTAMP"), ("start_date_local", "DATETIME"),
                        ("local_date", "DATE"), ("timezone", "STRING"), ("moving_time_s", "INT64"),
                        ("elapsed_time_s", "INT64"), ("distance_m", "FLOAT64"), ("elevation_gain_m", "FLOAT64"),
                        ("kilojoules", "FLOAT64"), ("avg_speed_mps", "FLOAT64"), ("max_speed_mps", "FLOAT64"),
                        ("avg_hr_bpm", "FLOAT64"), ("max_hr_bpm", "FLOAT64"), ("avg_power_w", "FLOAT64"),
                        ("max_power_w", "FLOAT64"), ("device_watts", "BOOL"), ("has_power", "BOOL"), ("has_hr", "BOOL"),
                        ("np_w", "FLOAT64"), ("ftp_w", "FLOAT64"), ("intensity_factor", "FLOAT64"), ("tss", "FLOAT64"),
                        ("hr_tss", "FLOAT64"), ("load", "FLOAT64"), ("load_source", "STRING"), ("recorded_s", "INT64"),
                        ("coverage", "FLOAT64")],
    "mart_zone_times": [("athlete_id", "INT64"), ("activity_id", "INT64"), ("local_date", "DATE"), ("sport", "STRING"),
                        ("zone_type", "STRING"), ("zone", "INT64"), ("lower", "FLOAT64"), ("upper", "FLOAT64"),
                        ("seconds", "INT64"), ("coverage", "FLOAT64")],
    "mart_zone_periods": [("athlete_id", "INT64"), ("zone_type", "STRING"), ("sport", "STRING"), ("period", "STRING"),
                          ("period_start", "DATE"), ("period_end", "DATE"), ("zone", "INT64"), ("zone_count", "INT64"),
                          ("seconds", "INT64"), ("activities", "INT64")],
    "mart_power_bests": [("athlete_id", "INT64"), ("activity_id", "INT64"), ("local_date", "DATE"), ("sport", "STRING"),
                         ("duration_s", "INT64"), ("watts", "FLOAT64"), ("start_s", "INT64"), ("coverage", "FLOAT64")],
    "mart_power_curve": [("athlete_id", "INT64"), ("window", "STRING"), ("as_of_date", "DATE"), ("duration_s", "INT64"),
                         ("watts", "FLOAT64"), ("activity_id", "INT64"), ("local_date", "DATE"), ("start_s", "INT64")],
    "mart_run_bests": [("athlete_id", "INT64"), ("activity_id", "INT64"), ("local_date", "DATE"), ("distance_m", "FLOAT64"),
                       ("distance_name", "STRING"), ("time_s", "FLOAT64"), ("start_s", "FLOAT64")],
    "mart_fitness": [("athlete_id", "INT64"), ("date", "DATE"), ("load", "FLOAT64"), ("ctl", "FLOAT64"),
                     ("atl", "FLOAT64"), ("form", "FLOAT64")],
    "mart_rolling_90d": rolling_columns()[0],
    "mart_weekly": [("athlete_id", "INT64"), ("week_start", "DATE"), ("metric", "STRING"), ("value", "FLOAT64"),
                    ("avg_6w", "FLOAT64"), ("avg_13w", "FLOAT64"), ("avg_26w", "FLOAT64"), ("avg_52w", "FLOAT64"),
                    ("rank_6w", "INT64"), ("rank_13w", "INT64"), ("rank_26w", "INT64"), ("rank_52w", "INT64"),
                    ("rank_all", "INT64")],
    "mart_zone_definitions": [("athlete_id", "INT64"), ("zone_type", "STRING"), ("valid_from", "DATE"),
                              ("valid_to", "DATE"), ("zone", "INT64"), ("lower", "FLOAT64"), ("upper", "FLOAT64"),
                              ("threshold", "FLOAT64"), ("source", "STRING"), ("preset", "STRING")],
}


def r1(x):
    return None if x is None else round(x, 1)


def athlete_marts(aid, n_acts, rnd):
    today = AS_OF.date()
    first = today - dt.timedelta(days=int(n_acts * 1.08))
    days = (today - first).days + 1
    max_hr, ftp0, thr_pace = 188, 230.0, 3.6
    hr_bounds = [0, 111, 147, 164, 182]
    out = {m: [] for m in MARTS}
    acts = []
    for i in range(n_acts):
        day = first + dt.timedelta(days=int(i * days / n_acts))
        roll = rnd.random()
        sport = "ride" if roll < 0.55 else "run" if roll < 0.92 else "other"
        indoor = sport == "ride" and rnd.random() < 0.3
        moving = int(rnd.uniform(1800, 3 * 3600) if sport == "ride" else rnd.uniform(1500, 6000))
        dist = moving * (rnd.uniform(6.5, 9.5) if sport == "ride" else rnd.uniform(2.6, 3.6) if sport == "run" else 1.2)
        race = rnd.random() < 0.05
        start = dt.datetime.combine(day, dt.time(6 + rnd.randrange(12), rnd.randrange(60)), tzinfo=dt.timezone.utc)
        ftp = ftp0 + 25 * math.sin(i / 300)
        np_w = rnd.uniform(0.65, 1.0) * ftp if sport == "ride" else None
        iff = np_w / ftp if np_w else None
        tss = 100 * moving / 3600 * iff * iff if iff else None
        hr_tss = moving / 3600 * rnd.uniform(40, 90)
        load = tss if tss is not None else hr_tss
        aid_act = aid * 10_000_000 + 1000 + i
        a = dict(athlete_id=aid, activity_id=aid_act, sport=sport, local_date=day, moving=moving, dist=dist, load=load,
                 iff=iff, np_w=np_w, ftp=ftp)
        acts.append(a)
        out["mart_activities"].append({
            "athlete_id": aid, "activity_id": aid_act,
            "name": ("Race " if race else "") + {"ride": "Zwift ride" if indoor else "Morning Ride", "run": "Easy run",
                                                  "other": "Hike"}[sport],
            "sport": sport, "sport_type": {"ride": "VirtualRide" if indoor else "Ride", "run": "Run", "other": "Hike"}[sport],
            "type": {"ride": "VirtualRide" if indoor else "Ride", "run": "Run", "other": "Hike"}[sport],
            "activity_type": "race" if race else {"ride": "endurance", "run": "easy", "other": "other"}[sport],
            "activity_subtype": "virtual" if indoor else "road" if sport != "other" else None,
            "is_race": race, "is_indoor": indoor, "workout_type": 1 if race and sport == "run" else None,
            "start_date": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "start_date_local": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"),
            "local_date": day.isoformat(), "timezone": "(GMT+01:00) Europe/Paris", "moving_time_s": moving,
            "elapsed_time_s": moving + rnd.randrange(600), "distance_m": r1(dist), "elevation_gain_m": r1(dist / 100),
            "kilojoules": r1(np_w * moving / 1000 * 0.95) if np_w else None, "avg_speed_mps": round(dist / moving, 3),
            "max_speed_mps": round(dist / moving * 1.8, 3), "avg_hr_bpm": r1(rnd.uniform(120, 160)),
            "max_hr_bpm": r1(rnd.uniform(165, 186)), "avg_power_w": r1(np_w * 0.93) if np_w else None,
            "max_power_w": r1(np_w * 3.1) if np_w else None, "device_watts": np_w is not None,
            "has_power": np_w is not None, "has_hr": True, "np_w": r1(np_w), "ftp_w": r1(ftp),
            "intensity_factor": round(iff, 3) if iff else None, "tss": r1(tss), "hr_tss": r1(hr_tss), "load": r1(load),
            "load_source": "power" if tss is not None else "hr", "recorded_s": moving, "coverage": 0.99})
        # zone times
        secs = split(moving, 5, rnd)
        for z in range(5):
            out["mart_zone_times"].append(zt(aid, aid_act, day, sport, "heartrate", z + 1, hr_bounds, secs[z]))
        a["hr"] = secs
        if sport == "ride":
            pb = [0, 0.6 * ftp, 0.76 * ftp, 0.9 * ftp, 1.05 * ftp, 1.19 * ftp]
            psecs = split(moving, 6, rnd)
            a["power"] = psecs
            for z in range(6):
                out["mart_zone_times"].append(zt(aid, aid_act, day, sport, "power", z + 1, [round(b) for b in pb], psecs[z]))
            base = np_w * 1.6
            for d in DURATIONS:
                if d <= moving:
                    out["mart_power_bests"].append({"athlete_id": aid, "activity_id": aid_act, "local_date": day.isoformat(),
                                                    "sport": sport, "duration_s": d,
                                                    "watts": r1(base * (d / 15) ** -0.12 if d < 1200 else np_w * (1.05 - d / 36000)),
                                                    "start_s": rnd.randrange(max(1, moving - d)), "coverage": 1.0})
        if sport == "run":
            qb = [0, thr_pace / 1.29, thr_pace / 1.135, thr_pace / 1.06, thr_pace / 1.01, thr_pace * 1.0, thr_pace / 0.9]
            qsecs = split(moving, 7, rnd)
            a["pace"] = qsecs
            for z in range(7):
                out["mart_zone_times"].append(zt(aid, aid_act, day, sport, "pace", z + 1, [round(b, 2) for b in qb], qsecs[z]))
            speed = dist / moving
            for name, metres in DISTANCES:
                if metres <= dist:
                    t = metres / (speed * (1.08 - min(0.1, metres / 100000)))
                    out["mart_run_bests"].append({"athlete_id": aid, "activity_id": aid_act, "local_date": day.isoformat(),
                                                  "distance_m": metres, "distance_name": name, "time_s": r1(t),
                                                  "start_s": r1(rnd.uniform(0, max(0.0, moving - t)))})
    # power curve as of today
    rides = [a for a in acts if a["sport"] == "ride"]
    for win_name, span in (("90d", 90), ("365d", 365), ("all", None)):
        pool = [a for a in rides if span is None or (today - a["local_date"]).days < span] or rides
        best = max(pool, key=lambda a: a["np_w"])
        for d in CURVE:
            out["mart_power_curve"].append({"athlete_id": aid, "window": win_name, "as_of_date": today.isoformat(),
                                            "duration_s": d, "watts": r1(best["np_w"] * 4.0 * (d ** -0.22) + best["np_w"] * 0.6),
                                            "activity_id": best["activity_id"], "local_date": best["local_date"].isoformat(),
                                            "start_s": 60})
    # daily loads, fitness
    load_by_day = [0.0] * days
    by_day_sport = {s: [dict(n=0, t=0, d=0.0, l=0.0, hr=[0] * 5, pw=[0] * 7, pc=[0] * 7, ifs=0.0, ifn=0) for _ in range(days)]
                    for s in SPORTS}
    for a in acts:
        k = (a["local_date"] - first).days
        load_by_day[k] += a["load"]
        for s in ("all", a["sport"]):
            b = by_day_sport[s][k]
            b["n"] += 1
            b["t"] += a["moving"]
            b["d"] += a["dist"]
            b["l"] += a["load"]
            for z, v in enumerate(a.get("hr", [])):
                b["hr"][z] += v
            for z, v in enumerate(a.get("power", [])):
                b["pw"][z] += v
            for z, v in enumerate(a.get("pace", [])):
                b["pc"][z] += v
            if a["iff"]:
                b["ifs"] += a["iff"]
                b["ifn"] += 1
    ctl = atl = 0.0
    ctls = []
    kc, ka = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    for k in range(days):
        form = ctl - atl
        ctl += (load_by_day[k] - ctl) * kc
        atl += (load_by_day[k] - atl) * ka
        ctls.append(ctl)
        out["mart_fitness"].append({"athlete_id": aid, "date": (first + dt.timedelta(days=k)).isoformat(),
                                    "load": r1(load_by_day[k]), "ctl": r1(ctl), "atl": r1(atl), "form": r1(form)})
    # 90-day view
    _, base = rolling_columns()
    for s in SPORTS:
        rows = by_day_sport[s]
        for k in range(days):
            cur = window(rows, k, ctls, thr_pace, ftp0)
            prev = window(rows, k - 90, ctls, thr_pace, ftp0) if k >= 90 else {n: None for n, _ in base}
            row = {"athlete_id": aid, "date": (first + dt.timedelta(days=k)).isoformat(), "sport": s}
            row.update(cur)
            for n, _ in base:
                row[n + "_prev"] = prev.get(n)
            for n, _ in base:
                c, p = cur.get(n), prev.get(n)
                row[n + "_change_pct"] = r1(100.0 * (c - p) / p) if c is not None and p not in (None, 0) else None
            out["mart_rolling_90d"].append(row)
    # weekly
    monday0 = first - dt.timedelta(days=first.weekday())
    weeks = (today - monday0).days // 7 + 1
    for metric in ("moving_time_s", "outdoor_distance_m", "outdoor_elevation_m", "active_days", "outdoor_days",
                   "long_days", "longest_outdoor_day_m"):
        values = []
        for w in range(weeks):
            ws = monday0 + dt.timedelta(days=7 * w)
            week_acts = [a for a in acts if ws <= a["local_date"] < ws + dt.timedelta(days=7)] if metric != "moving_time_s" else None
            if metric == "moving_time_s":
                v = float(sum(by_day_sport["all"][k]["t"] for k in range((ws - first).days, (ws - first).days + 7) if 0 <= k < days))
            elif metric in ("outdoor_distance_m", "longest_outdoor_day_m"):
                ds = [a["dist"] for a in week_acts]
                v = round(sum(ds) if metric == "outdoor_distance_m" else max(ds, default=0.0), 1)
            elif metric == "outdoor_elevation_m":
                v = round(sum(a["dist"] / 100 for a in week_acts), 1)
            elif metric == "long_days":
                v = float(sum(1 for a in week_acts if a["moving"] >= 10800 or a["dist"] >= 80000))
            else:
                v = float(len({a["local_date"] for a in week_acts}))
            values.append(v)
            row = {"athlete_id": aid, "week_start": ws.isoformat(), "metric": metric, "value": v}
            for n in (6, 13, 26, 52):
                win = values[-n:]
                row[f"avg_{n}w"] = r1(sum(win) / len(win))
                row[f"rank_{n}w"] = 1 + sum(1 for x in win if x > v)
            row["rank_all"] = 1 + sum(1 for x in values if x > v)
            out["mart_weekly"].append(row)
    # zone definitions (a birthday each year for HR; eFTP changes every ~quarter)
    y = first.year
    while dt.date(y, 3, 14) <= today:
        frm, to = max(first, dt.date(y, 3, 14)), dt.date(y + 1, 3, 13)
        mh = max_hr - (2026 - y) // 2
        bounds = [0, round(.59 * mh), round(.78 * mh), round(.87 * mh), round(.97 * mh)]
        zdef(out, aid, "heartrate", frm, to if to < today else None, bounds, mh, "age", "hr5")
        y += 1
    q = first
    while q <= today:
        ftp = round(ftp0 + 25 * math.sin((q - first).days / 330))
        nq = q + dt.timedelta(days=91)
        zdef(out, aid, "power", q, nq - dt.timedelta(days=1) if nq <= today else None,
             [round(f * ftp) for f in (0, .6, .76, .9, 1.05, 1.19)], ftp, "eftp", "seed6")
        q = nq
    zdef(out, aid, "pace", first, None,
         [0] + [round(thr_pace / f, 2) for f in (1.29, 1.135, 1.06, 1.01, 1.0)] + [round(thr_pace / 0.9, 2)],
         thr_pace, "race_5k", "pace7")
    out["mart_athlete"].append({"athlete_id": aid, "firstname": f"Athlete{aid}", "lastname": "Bench",
                                "name": f"Athlete{aid} Bench", "sex": "F" if aid % 2 else "M", "city": "Lyon",
                                "country": "France", "weight_kg": 64.0, "date_of_birth": None, "max_hr_bpm": max_hr,
                                "max_hr_source": "observed", "rest_hr_bpm": None, "ftp_w": int(ftp0), "ftp_source": "eftp",
                                "threshold_pace_mps": thr_pace, "power_zone_preset": "seed6", "activity_count": n_acts,
                                "first_activity_date": first.isoformat(), "last_activity_date": acts[-1]["local_date"].isoformat()})
    out["mart_zone_periods"] = zone_periods(out["mart_zone_times"])
    return out


def zone_periods(zone_times):
    """mart_zone_periods as transform-service's model sums mart_zone_times (day, ISO week, month; per sport and all)."""
    counts, sums, acts = {}, {}, {}
    for r in zone_times:
        key = (r["athlete_id"], r["zone_type"])
        counts[key] = max(counts.get(key, 0), r["zone"])
    for r in zone_times:
        day = dt.date.fromisoformat(r["local_date"])
        week = day - dt.timedelta(days=day.weekday())
        month = day.replace(day=1)
        month_end = (month.replace(year=month.year + 1, month=1) if month.month == 12 else month.replace(month=month.month + 1)) \
            - dt.timedelta(days=1)
        for sport in (r["sport"], "all"):
            for period, start, end in (("day", day, day), ("week", week, week + dt.timedelta(days=6)), ("month", month, month_end)):
                k = (r["athlete_id"], r["zone_type"], sport, period, start, end)
                sums[k + (r["zone"],)] = sums.get(k + (r["zone"],), 0) + r["seconds"]
                acts.setdefault(k, set()).add(r["activity_id"])
    return [{"athlete_id": a, "zone_type": t, "sport": sp, "period": p, "period_start": st.isoformat(),
             "period_end": en.isoformat(), "zone": z, "zone_count": counts[(a, t)], "seconds": secs,
             "activities": len(acts[(a, t, sp, p, st, en)])}
            for (a, t, sp, p, st, en, z), secs in sorted(sums.items(), key=lambda kv: str(kv[0]))]


def window(rows, end, ctls, thr_pace, ftp):
    lo = max(0, end - 89)
    sel = rows[lo:end + 1]
    n = sum(b["n"] for b in sel)
    r = {"activity_count": n, "active_days": sum(1 for b in sel if b["n"]), "moving_time_s": sum(b["t"] for b in sel),
         "distance_m": r1(sum(b["d"] for b in sel)), "elevation_gain_m": r1(sum(b["d"] for b in sel) / 100),
         "kilojoules": r1(sum(b["l"] for b in sel) * 9.5), "load": r1(sum(b["l"] for b in sel))}
    for kind, key, zones in (("hr", "hr", 5), ("power", "pw", 7), ("pace", "pc", 7)):
        tot = [sum(b[key][z] for b in sel) for z in range(zones)]
        s = sum(tot)
        for z in range(zones):
            r[f"{kind}_z{z + 1}_s"] = tot[z] if not (kind == "power" and z == 6) else None
            r[f"{kind}_z{z + 1}_share"] = round(tot[z] / s, 4) if s and not (kind == "power" and z == 6) else None
    ifn = sum(b["ifn"] for b in sel)
    r["avg_if"] = round(sum(b["ifs"] for b in sel) / ifn, 3) if ifn else None
    for d in DURATIONS:
        r[f"power_best_{d}_w"] = r1(ftp * 2.2 * (d / 15) ** -0.17) if ifn else None
    r["eftp_w"] = float(round(ftp))
    r["run_best_5k_s"] = r1(5000 / (thr_pace * 1.04)) if n else None
    r["threshold_pace_mps"] = thr_pace
    r["ctl"] = r1(ctls[end])
    return r


def split(total, parts, rnd):
    w = [rnd.random() ** 2 for _ in range(parts)]
    s = sum(w)
    out = [int(total * x / s) for x in w]
    out[0] += total - sum(out)
    return out


def zt(aid, act, day, sport, ztype, zone, bounds, seconds):
    return {"athlete_id": aid, "activity_id": act, "local_date": day.isoformat(), "sport": sport, "zone_type": ztype,
            "zone": zone, "lower": float(bounds[zone - 1]), "upper": float(bounds[zone]) if zone < len(bounds) else None,
            "seconds": seconds, "coverage": 0.99}


def zdef(out, aid, ztype, frm, to, bounds, threshold, source, preset):
    for z in range(len(bounds)):
        out["mart_zone_definitions"].append({"athlete_id": aid, "zone_type": ztype, "valid_from": frm.isoformat(),
                                             "valid_to": to.isoformat() if to else None, "zone": z + 1,
                                             "lower": float(bounds[z]), "upper": float(bounds[z + 1]) if z + 1 < len(bounds) else None,
                                             "threshold": float(threshold), "source": source, "preset": preset})


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("lake")
    p.add_argument("--athletes", type=int, default=1)
    p.add_argument("--activities", type=int, default=3000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    rnd = random.Random(args.seed)
    build = AS_OF.strftime("%Y%m%dT%H%M%SZ") + "-bench"
    athletes = {}
    for aid in range(1, args.athletes + 1):
        marts = athlete_marts(aid, args.activities, rnd)
        parts = {}
        for mart, rows in marts.items():
            path = f"serving/builds/{build}/athlete_id={aid}/{mart}.ndjson.gz"
            data = gzip.compress("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in rows).encode(), 6)
            write(args.lake, path, data)
            parts[mart] = {"path": path, "rows": len(rows), "sha256": hashlib.sha256(data).hexdigest()}
            print(f"athlete {aid} {mart}: {len(rows)} rows, {len(data)} bytes")
        athletes[str(aid)] = {"built_in": build, "partitions": parts}
    manifest = {"schema_version": 1, "build_id": build, "created_at": AS_OF.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "as_of": AS_OF.strftime("%Y-%m-%dT%H:%M:%SZ"), "last_ingest_run_id": "20261127T101500Z-bench",
                "marts": {m: [{"name": n, "type": t} for n, t in cols] for m, cols in MARTS.items()},
                "athletes": athletes}
    write(args.lake, f"serving/builds/{build}/_manifest.json", json.dumps(manifest).encode())
    write(args.lake, "serving/CURRENT", (build + "\n").encode())
    print(f"build {build} published in {args.lake}")


def write(root, path, data):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    tmp = full + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, full)


if __name__ == "__main__":
    main()
