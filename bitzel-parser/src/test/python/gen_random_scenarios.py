#!/usr/bin/env python3
"""Writes random-scenarios.txt: random datastore operation sequences run on real BitBake 2.8.1, with what every
read returned. DataStoreRandomTest replays them on DataStore.

Usage: python3 gen_random_scenarios.py /path/to/poky/bitbake/lib  > ../resources/dev/bitzel/parser/data/random-scenarios.txt  (2000 scenarios by default)
"""
import random
import sys
from urllib.parse import quote

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else '/work/poky/bitbake/lib')
import bb  # noqa: E402
import bb.data  # noqa: E402
import bb.data_smart  # noqa: E402
import bb.parse  # noqa: E402

NAMES = ["A", "B", "C", "A:o1", "A:o2", "A:o1:o2", "A:o2:o1", "B:o1", "C:o2", "A:append", "A:append:o1",
         "A:prepend:o2", "A:remove", "A:remove:o1", "A:o1:append", "B:append", "B:remove", "C:prepend",
         "B:o1:remove", "OV", "OV:o1", "OVERRIDES", "A:prepend", "A:remove:o2:o1", "B:append:o2",
         "C:o1:o2", "C:o2:o1", "OV:append:o1"]
READ = ["A", "B", "C", "A:o1", "A:o2", "B:o1", "OV", "OVERRIDES"]
WORDS = ["x", "y", "z", " ", "  ", "${A}", "${B}", "${C}", "${OV}", "${NOPE}", "o1", "o2", "a b"]
OVERRIDES = ["o1", "o2", "o1:o2", "o2:o1", "${OV}", "x:${OV}", "o1:${OV}", ""]


def enc(s):
    return "~" if s is None else (quote(s, safe='') or "%")


def value(rnd):
    return "".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 4)))


def run(rnd, out):
    d = bb.data.init()
    for _ in range(rnd.randint(3, 14)):
        r = rnd.random()
        if r < 0.45:
            name = rnd.choice(NAMES)
            v = rnd.choice(OVERRIDES) if name == "OVERRIDES" else value(rnd)
            parsing = rnd.random() < 0.3
            # BitBake tests 'parsing' in loginfo, so parsing=False would also mean parsing
            if parsing:
                res = attempt(lambda: d.setVar(name, v, parsing=True))
            else:
                res = attempt(lambda: d.setVar(name, v))
            out.append("set %s %s %d %s" % (enc(name), enc(v), parsing, res))
        elif r < 0.55:
            name = rnd.choice(READ)
            v = value(rnd)
            res = attempt(lambda: d.setVarFlag(name, "_defaultval", v))
            out.append("flag %s %s %s %s" % (enc(name), enc("_defaultval"), enc(v), res))
        elif r < 0.62:
            name = rnd.choice(NAMES)
            res = attempt(lambda: d.delVar(name))
            out.append("del %s %s" % (enc(name), res))
        elif r < 0.67:
            a, b = rnd.sample(["A", "B", "C"], 2)
            res = attempt(lambda: d.renameVar(a, b))
            out.append("rename %s %s %s" % (a, b, res))
        elif r < 0.75:
            name = rnd.choice(READ)
            v = value(rnd)
            res = attempt(lambda: d.appendVar(name, v))
            out.append("append %s %s %s" % (enc(name), enc(v), res))
        elif r < 0.79:
            name = rnd.choice(READ)
            v = value(rnd)
            res = attempt(lambda: d.prependVar(name, v))
            out.append("prepend %s %s %s" % (enc(name), enc(v), res))
        elif r < 0.84:
            d = d.createCopy()
            out.append("copy")
        else:
            read(d, rnd.choice(READ), rnd.random() < 0.8, out)
    for name in READ:
        read(d, name, True, out)
        read(d, name, False, out)
    try:
        out.append("keys " + " ".join(enc(k) for k in sorted(d.keys())))
    except bb.data_smart.ExpansionError as e:
        out.append("keys !" + type(e.exception).__name__)
    except bb.BBHandledException:
        out.append("keys !BBHandledException")
    except TypeError:
        out.append("keys !TypeError")


def attempt(f):
    try:
        f()
        return "."
    except bb.data_smart.ExpansionError as e:
        return "!" + type(e.exception).__name__
    except bb.BBHandledException:
        # bb.fatal: OVERRIDES did not settle in 5 iterations
        return "!BBHandledException"
    except TypeError:
        return "!TypeError"


def read(d, name, expand, out):
    try:
        v = d.getVar(name, expand)
        res = enc(v)
    except bb.data_smart.ExpansionError as e:
        res = "!" + type(e.exception).__name__
    except bb.BBHandledException:
        res = "!BBHandledException"
    except TypeError:
        # BitBake's store is broken after a failed OVERRIDES expansion (inoverride stays set)
        res = "!TypeError"
    out.append("get %s %d %s" % (enc(name), expand, res))


def main():
    rnd = random.Random(20260528)
    lines = []
    for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 2000):
        lines.append("scenario %d" % i)
        run(rnd, lines)
    print("\n".join(lines))


if __name__ == '__main__':
    main()
