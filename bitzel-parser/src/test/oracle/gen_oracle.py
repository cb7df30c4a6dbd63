"""Writes bitbake-oracle.txt: inputs with the statements real BitBake 2.8.1 parses from them."""
import sys, os, random, tempfile, json
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
import bbdump
from bb.parse.parse_py import BBHandler

def q(s):
    if s is None: return "null"
    out = ['"']
    for c in s:
        if c == '\n': out.append('\\n')
        elif c == '\r': out.append('\\r')
        elif c == '\t': out.append('\\t')
        elif c == '"': out.append('\\"')
        elif c == '\\': out.append('\\\\')
        elif ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0: out.append('\\u%04x' % ord(c))
        else: out.append(c)
    out.append('"'); return ''.join(out)
def lst(xs): return "[" + ", ".join(xs) + "]"
def b(x): return "true" if x else "false"
OPS = {"=": "SET", ":=": "IMMEDIATE", "?=": "DEFAULT", "??=": "WEAK_DEFAULT", "+=": "APPEND", "=+": "PREPEND", ".=": "APPEND_NOSPACE", "=.": "PREPEND_NOSPACE"}
def fmt(d):
    k = d["kind"]; line = "line=%d " % d["line"]
    if k == "DataNode": return "Assignment " + line + "exported=%s name=%s flag=%s op=%s value=%s" % (b(d["exported"]), q(d["name"]), q(d["flag"]), OPS[d["op"]], q(d["value"]))
    if k == "IncludeNode": return "IncludeStatement " + line + "kind=%s path=%s" % ("REQUIRE" if d["force"] else "INCLUDE", q(d["path"]))
    if k == "ExportNode": return "ExportStatement " + line + "name=%s" % q(d["name"])
    if k == "UnsetNode": return "UnsetStatement " + line + "name=%s flag=null" % q(d["name"])
    if k == "UnsetFlagNode": return "UnsetStatement " + line + "name=%s flag=%s" % (q(d["name"]), q(d["flag"]))
    if k == "InheritNode": return "InheritStatement " + line + "deferred=false classes=%s" % q(d["classes"])
    if k == "InheritDeferredNode": return "InheritStatement " + line + "deferred=true classes=%s" % q(d["classes"])
    if k == "MethodNode":
        anon = d["name"] == "__anonymous"
        return "FunctionStatement " + line + "name=%s python=%s fakeroot=%s bodyLine=%d body=%s" % (q("" if anon else d["name"]), b(d["python"] or anon), b(d["fakeroot"]), d["bodyLine"], q(d["body"]))
    if k == "PythonMethodNode":
        n = d["source"].count("\n") + 1
        return "PythonDefStatement " + line + "name=%s recordedLine=%d source=%s" % (q(d["name"]), d["line"] - n - 1, q(d["source"]))
    if k == "AddTaskNode": return "AddTaskStatement " + line + "tasks=%s after=%s before=%s" % (lst([d["func"]]), lst((d["after"] or "").split()), lst((d["before"] or "").split()))
    if k == "DelTaskNode": return "DelTaskStatement " + line + "tasks=%s" % lst(d["tasks"].split())
    if k == "BBHandlerNode": return "AddHandlerStatement " + line + "handlers=%s" % lst(d["handlers"])
    if k == "ExportFuncsNode": return "ExportFunctionsStatement " + line + "functions=%s" % lst(d["functions"])
    if k == "PyLibNode": return "AddPylibStatement " + line + "directory=%s namespace=%s" % (q(d["dir"]), q(d["ns"]))
    raise Exception(k)

cases = [l.rstrip('\n') for l in open(os.path.join(HERE, 'hand_cases.txt'))]
random.seed(99)
exec(open(os.path.join(HERE, 'gen2.py')).read().split('for n in range')[0].replace('random.seed(int(sys.argv[2])); out = sys.argv[1]; os.makedirs(out, exist_ok=True)', ''))
def gen():
    lines = [stmt()]
    k = random.random()
    if k < 0.3: lines.append(R(['    body', '\tbody', '#c', '', '}', 'FOO = "1"']))
    if k < 0.15: lines.append(R(['}', '', '    x']))
    return '\n'.join(lines) + R(['', '\n'])
out = open(sys.argv[1], 'w', encoding='utf-8')
tmp = tempfile.mkdtemp()
n_ok = n_err = 0
inputs = [(d, c.encode().decode('unicode_escape')) for c in cases for d in ('RECIPE', 'CONF')]
def all_inputs():
    for x in inputs: yield x, True
    while True: yield (random.choice(['RECIPE', 'CONF']), gen()), False
for (dialect, text), hand in all_inputs():
    if not hand and n_ok >= 1200: break
    fn = os.path.join(tmp, 'case.conf' if dialect == 'CONF' else 'case.bb')
    with open(fn, 'w', newline='', encoding='utf-8') as f: f.write(text)
    res = bbdump.parse(fn, dialect == 'CONF', baseconfig=True)
    if res and res[0].startswith("ERROR"):
        if not hand and random.random() < 0.85: continue
        out.write("== %s %s\n" % (dialect, q(text)))
        out.write("ERROR\n"); n_err += 1
    else:
        out.write("== %s %s\n" % (dialect, q(text)))
        for r in res: out.write(fmt(json.loads(r)) + "\n")
        n_ok += 1
print("ok", n_ok, "err", n_err)
