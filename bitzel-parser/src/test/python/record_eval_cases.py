#!/usr/bin/env python3
"""Re-records the expected answers of the executor conformance cases from real BitBake.

usage: record_eval_cases.py [CASES.json] [CASE_NAME...]

Each case (see RecipeConformanceTest) is written to a fresh temporary directory CASEDIR and asked of the
oracle (BitBake 2.8's own parser, /work/shared/tools/bitbake-getvar-oracle; override with $ORACLE, and
$BBLIB for bitbake/lib) exactly as the test asks Bitzel: the --conf files in order, then the recipe, with
BBPATH = CASEDIR. The answers replace the case's "query" values in place (CASEDIR written as ${CASEDIR}).
Cases with a "skip" field are recorded too: the skip only tells the Java test not to compare them.
Only needed when cases change; the test reads the recorded JSON and never runs BitBake.
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
default = os.path.join(here, '..', 'resources', 'dev', 'bitzel', 'parser', 'eval', 'cases.json')
args = sys.argv[1:]
path = args.pop(0) if args and args[0].endswith('.json') else default
only = set(args)
oracle = os.environ.get('ORACLE', '/work/shared/tools/bitbake-getvar-oracle')
env = dict(os.environ, BBLIB=os.environ.get('BBLIB', '/work/poky/bitbake/lib'), LANG='en_US.UTF-8')

cases = json.load(open(path))
names = [c['name'] for c in cases]
dups = {n for n in names if names.count(n) > 1}
if dups:
    sys.exit(f'duplicate case names: {sorted(dups)}')
for case in cases:
    if only and case['name'] not in only:
        continue
    with tempfile.TemporaryDirectory(prefix='bbcase-') as tmp:
        tmp = os.path.realpath(tmp)
        for rel, content in case['files'].items():
            p = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'w') as f:
                f.write(content)
        cmd = [sys.executable, oracle, 'getvar', '--recipe-file', os.path.join(tmp, case.get('recipe', 'recipe.bb')),
               '--bbpath', tmp]
        for conf in case.get('conf', []):
            cmd += ['--conf', os.path.join(tmp, conf)]
        cmd += ['--json', *case['query']]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp, timeout=120)
        try:
            got = json.loads(out.stdout.replace(tmp, '${CASEDIR}'))
        except ValueError:
            sys.exit(f'{case["name"]}: oracle gave no JSON: {out.stderr[-2000:]}')
        case['query'] = {k: got[k] for k in case['query']}
        print(f'{case["name"]}: {json.dumps(case["query"])[:200]}')
with open(path, 'w') as f:
    json.dump(cases, f, indent=1)
    f.write('\n')
