#!/usr/bin/env python3
"""Dump BitBake 2.8.1's parse of a file as JSON lines (statement per line), or ERROR line."""
import sys, os, json, logging
sys.path.insert(0, os.environ.get('BBLIB', '/work/poky/bitbake/lib'))
import bb, bb.data, bb.parse
from bb.parse import ast
from bb.parse.parse_py import BBHandler, ConfHandler
logging.getLogger("BitBake").setLevel(logging.CRITICAL+1)
logging.getLogger("BitBake").addHandler(logging.NullHandler())
captured = []
def fake_eval(self, data):
    captured.append(list(self))
ast.StatementGroup.eval = fake_eval

def dump(st):
    c = type(st).__name__
    d = {"kind": c, "line": st.lineno}
    if c == "DataNode":
        g = st.groupd
        op = "="
        for k, sym in (("colon", ":="), ("lazyques", "??="), ("ques", "?="), ("append", "+="), ("prepend", "=+"), ("predot", "=."), ("postdot", ".=")):
            if g.get(k) is not None: op = sym
        d.update(exported=g.get("exp") is not None, name=g["var"], flag=g.get("flag"), op=op, value=g["value"])
    elif c == "IncludeNode": d.update(path=st.what_file, force=st.force)
    elif c == "ExportNode": d.update(name=st.var)
    elif c == "UnsetNode": d.update(name=st.var)
    elif c == "UnsetFlagNode": d.update(name=st.var, flag=st.flag)
    elif c == "MethodNode": d.update(name=st.func_name, python=st.python, fakeroot=st.fakeroot, body="\n".join(st.body), bodyLine=st.lineno - len(st.body))
    elif c == "PythonMethodNode": d.update(name=st.function, source="\n".join(st.body))
    elif c == "ExportFuncsNode": d.update(functions=st.n)
    elif c == "AddTaskNode": d.update(func=st.func, before=st.before, after=st.after)
    elif c == "DelTaskNode": d.update(tasks=st.tasks)
    elif c == "BBHandlerNode": d.update(handlers=st.hs)
    elif c == "PyLibNode": d.update(dir=st.libdir, ns=st.namespace)
    elif c == "InheritNode": d.update(classes=st.classes)
    elif c == "InheritDeferredNode": d.update(classes=st.inherit[0])
    return json.dumps(d, sort_keys=True)

def parse(fn, conf, baseconfig=False):
    del captured[:]
    try:
        if conf:
            d = bb.data.init()
            ConfHandler.handle(fn, d, 0, baseconfig=baseconfig)
            sts = captured[0]
        else:
            BBHandler.cached_statements.clear()
            BBHandler.__body__ = []; BBHandler.__infunc__ = []; BBHandler.__residue__ = []; BBHandler.__inpython__ = False
            sts = BBHandler.get_statements(fn, fn, os.path.basename(fn))
            if BBHandler.__infunc__:
                raise bb.parse.ParseError("Shell function %s is never closed" % BBHandler.__infunc__[0], fn, BBHandler.__infunc__[2])
        return [dump(s) for s in sts]
    except BaseException as e:
        return ["ERROR " + type(e).__name__ + " " + str(e).replace("\n", "\\n")]

if __name__ == "__main__":
    for fn in sys.argv[1:]:
        conf = fn.endswith(".conf")
        out = parse(os.path.abspath(fn), conf, baseconfig=True)
        print("== " + fn)
        for l in out: print(l)
