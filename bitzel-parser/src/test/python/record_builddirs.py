#!/usr/bin/env python3
"""Re-records what real BitBake says about the build-directory fixtures (BuildDirectoryConformanceTest).

usage (as root, which it needs to run BitBake as the unprivileged user $BB_USER, default "bb"):
    record_builddirs.py [FIXTURE_NAME...]

Each fixture under resources/dev/bitzel/parser/builddirs/NAME holds build/ (TOPDIR, whose bblayers.conf
names the layers relative to ${TOPDIR}), layers/ and query.json ({"keys": [variables to record per
recipe file]}). The fixture is copied to a temporary directory owned by $BB_USER, where
  1. `bitbake -p` gives the exit code, the ERROR/WARNING lines and the summary line's counts;
  2. a tinfoil session (run first; its answers kept when it succeeds) gives the recipe files, each one's appends,
     collection (first matching BBFILE_PATTERN in BitBake's priority order) and the query keys' values
     from parse_recipe_file, and the layer priorities.
The answers go to NAME/expected.json with paths relative to the fixture root. Needs $BBLIB (default
/work/poky/bitbake/lib); only needed when fixtures change, never at test time.
"""
import json, os, pwd, re, shutil, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, '..', 'resources', 'dev', 'bitzel', 'parser', 'builddirs')
bblib = os.environ.get('BBLIB', '/work/poky/bitbake/lib')
user = os.environ.get('BB_USER', 'bb')

TINFOIL = r'''
import json, os, re, sys
sys.path.insert(0, sys.argv[1])
import bb.tinfoil
root, keys = sys.argv[2], sys.argv[3:]
sys.argv[1:] = []  # tinfoil reads bitbake options from sys.argv
rel = lambda p: os.path.relpath(os.path.realpath(p), root)
with bb.tinfoil.Tinfoil(output=sys.stderr) as t:
    t.prepare(config_only=False, quiet=2)
    # Some commands leave later ones answering from emptied collections: ask each once, in this order.
    bbappends = t.run_command('getAllAppends', '')
    every = [fn for _, fns in t.run_command('getRecipes', '') for fn in fns]
    files = sorted(fn for fn in every if not fn.startswith('virtual:'))
    variants = {}  # bb.cache.virtualfn2realfn: virtual:NAME:FILE, NAME possibly with a colon
    for fn in every:
        if fn.startswith('virtual:'):
            real = fn[fn.index(':/') + 1:]
            variants.setdefault(real, []).append(fn[len('virtual:'):fn.index(':/')])
    prios = t.run_command('getLayerPriorities')
    # CookerCollectFiles.get_file_appends
    appends = {fn: [a for b, a in bbappends if b == os.path.basename(fn) or
                    ('%' in b and b.startswith(os.path.basename(fn)[:b.index('%')]))] for fn in files}
    recipes = {}
    for fn in files:
        # CookerCollectFiles.calc_bbfile_priority: the first match, patterns sorted in reverse
        coll = next((c for c, p, regex, _ in sorted(prios, key=lambda x: x[1], reverse=True)
                     if re.match(regex, fn)), None)
        d = t.parse_recipe_file(fn, appendlist=appends[fn])
        recipes[rel(fn)] = {"collection": coll, "appends": [rel(a) for a in appends[fn]],
                            "variants": sorted(variants.get(fn, [])),
                            "values": {k: d.getVar(k) for k in keys}}
    print(json.dumps({"layerPriorities": [[c, p, pri] for c, p, _, pri in prios], "recipes": recipes}))
'''

def run_as(cmd, cwd):
    env = ("export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 HOME=%s PATH=%s/../bin:/usr/bin:/bin; cd %s && "
           % (cwd, bblib, cwd))
    return subprocess.run(['su', user, '-s', '/bin/bash', '-c', env + cmd], capture_output=True, text=True,
                          timeout=600)

def record(name):
    src = os.path.join(fixtures, name)
    keys = json.load(open(os.path.join(src, 'query.json')))['keys']
    tmp = os.path.realpath(tempfile.mkdtemp(prefix='bzfix-'))
    try:
        root = os.path.join(tmp, name)
        shutil.copytree(src, root, ignore=shutil.ignore_patterns('expected.json', 'query.json'))
        pw = pwd.getpwnam(user)
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
        for dirpath, dirs, files in os.walk(root):
            for p in [dirpath] + [os.path.join(dirpath, f) for f in files]:
                os.chown(p, pw.pw_uid, pw.pw_gid)
        build = os.path.join(root, 'build')
        # BitBake watches TOPDIR (on BBPATH) and drops its caches when something appears there
        os.makedirs(os.path.join(build, 'tmp'))
        os.chown(os.path.join(build, 'tmp'), pw.pw_uid, pw.pw_gid)
        script = os.path.join(tmp, 'tinfoil_dump.py')
        open(script, 'w').write(TINFOIL)
        os.chmod(script, 0o644)
        t = run_as(' '.join(['python3', script, bblib, root] + keys), build)
        parse = run_as('bitbake -p', build)
        text = parse.stdout + parse.stderr
        exp = {"exitCode": parse.returncode,
               "errors": sorted(set(l[len('ERROR: '):].replace(root, '${ROOT}')
                                    for l in text.splitlines() if l.startswith('ERROR: '))),
               "warnings": sorted(set(l[len('WARNING: '):].replace(root, '${ROOT}')
                                      for l in text.splitlines() if l.startswith('WARNING: ')))}
        m = re.search(r'Parsing of (\d+) \.bb files complete \((\d+) cached, (\d+) parsed\)\. (\d+) targets, '
                      r'(\d+) skipped, (\d+) masked, (\d+) errors', text)
        if m:
            exp["summary"] = {"files": int(m.group(1)), "targets": int(m.group(4)), "skipped": int(m.group(5)),
                              "masked": int(m.group(6)), "errors": int(m.group(7))}
        # Loading failed when parsing never started; `bitbake -p` also exits 1 for errors it only logs, and
        # tinfoil then fails too (so such fixtures have counts but no per-recipe answers).
        exp["loadFailed"] = "summary" not in exp
        if t.returncode == 0:
            exp.update(json.loads(t.stdout.strip().splitlines()[-1].replace(root, '${ROOT}')))
        with open(os.path.join(src, 'expected.json'), 'w') as f:
            json.dump(exp, f, indent=1, sort_keys=True)
            f.write('\n')
        print(f'{name}: exit {parse.returncode}, {exp.get("summary")}, {len(exp.get("recipes", {}))} recipes')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

for name in sys.argv[1:] or sorted(os.listdir(fixtures)):
    record(name)
