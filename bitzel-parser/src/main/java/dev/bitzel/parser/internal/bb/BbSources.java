package dev.bitzel.parser.internal.bb;

/**
 * The parts of BitBake's {@code bb} package that are plain Python classes and small helpers, written for Bitzel
 * and run in the namespace of the native modules {@link BitbakePython} builds (so they can call the native
 * functions whose names start with {@code _}). Behaviour follows BitBake 2.8; anything not here is a stub that
 * fails naming itself.
 */
final class BbSources {
    private BbSources() {}

    /** Added to {@code bb}: the exception BitBake raises after it has reported a problem itself. */
    static final String BB = """
            __version__ = "2.8.1"

            class BBHandledException(Exception):
                pass

            def _joined(args):
                return ''.join(args)

            def note(*args):
                _message('note', _joined(args))

            def plain(*args):
                _message('plain', _joined(args))

            def warn(*args):
                _message('warn', _joined(args))

            def warnonce(*args):
                _message('warn', _joined(args))

            def error(*args, **kwargs):
                _message('error', _joined(args))

            def erroronce(*args):
                _message('error', _joined(args))

            def fatal(*args, **kwargs):
                _message('fatal', _joined(args))
                # BitBake's carries no text (it was logged); here it carries the message for the failure report
                raise BBHandledException(_joined(args))

            def debug(lvl, *args):
                if isinstance(lvl, str):
                    _message('warn', "Passed invalid debug level '%s' to bb.debug" % lvl)
                    args = (lvl,) + args
                _message('debug', _joined(args))
            """;

    /** {@code bb.utils} helpers over the native ones. */
    static final String UTILS = """
            import collections
            import re

            def explode_version(s):
                # a version as BitBake compares it: (0, number), (1, letters), (-1, '~') or (2, other character)
                r = []
                while s != '':
                    m = re.match(r'^(\\d+)(.*)$', s) if s[0] in '0123456789' else None
                    if m:
                        r.append((0, int(m.group(1))))
                        s = m.group(2)
                        continue
                    m = re.match(r'^([a-zA-Z]+)(.*)$', s)
                    if m:
                        r.append((1, m.group(1)))
                        s = m.group(2)
                        continue
                    r.append((-1, s[0]) if s[0] == '~' else (2, s[0]))
                    s = s[1:]
                return r

            def split_version(s):
                # (PE, PV, PR) of "[PE:]PV[-PR]", surrounding spaces and comparison signs dropped
                s = s.strip(" <>=")
                e = 0
                if s.count(':'):
                    e = int(s.split(":")[0])
                    s = s.split(":")[1]
                r = ""
                if s.count('-'):
                    s, r = s.rsplit("-", 1)
                return (e, s, r)

            _SEMVER_IDENT = r'(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)'
            _SEMVER = re.compile(r'^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)'
                                 r'(?:-(' + _SEMVER_IDENT + r'(?:\\.' + _SEMVER_IDENT + r')*))?'
                                 r'(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')

            def is_semver(version):
                return _SEMVER.match(version) is not None

            def explode_dep_versions2(s, *, sort=True):
                return collections.OrderedDict(_explode_dep_versions2(s, sort))

            def explode_dep_versions(s):
                r = explode_dep_versions2(s)
                for dep in r:
                    if not r[dep]:
                        r[dep] = None
                        continue
                    if len(r[dep]) > 1:
                        warn("explode_dep_versions(): Item %s appeared in dependency string '%s' multiple times "
                             "with different values.  explode_dep_versions cannot cope with this." % (dep, s))
                    r[dep] = r[dep][0]
                return r

            def join_deps(deps, commasep=True):
                result = []
                for dep in deps:
                    if deps[dep]:
                        if isinstance(deps[dep], list):
                            for v in deps[dep]:
                                result.append(dep + " (" + v + ")")
                        else:
                            result.append(dep + " (" + deps[dep] + ")")
                    else:
                        result.append(dep)
                if commasep:
                    return ", ".join(result)
                return " ".join(result)

            def warn(msg):
                import bb
                bb.warn(msg)
            """;

    /** {@code bb.parse}'s exceptions. */
    static final String PARSE = """
            import os

            class ParseError(Exception):
                def __init__(self, msg, filename, lineno=0):
                    self.msg = msg
                    self.filename = filename
                    self.lineno = lineno
                    Exception.__init__(self, msg, filename, lineno)
                def __str__(self):
                    if self.lineno:
                        return "ParseError at %s:%d: %s" % (self.filename, self.lineno, self.msg)
                    return "ParseError in %s: %s" % (self.filename, self.msg)

            class SkipRecipe(Exception):
                pass

            SkipPackage = SkipRecipe

            def mark_dependency(d, f):
                if f.startswith('./'):
                    f = "%s/%s" % (os.getcwd(), f[2:])
                _mark_dependency(f)
            """;

    /** {@code bb.event}: the event classes parsing fires and handlers test for. */
    static final String EVENT = """
            class Event(object):
                def __init__(self):
                    self.pid = 0

            class ConfigParsed(Event):
                pass

            class MultiConfigParsed(Event):
                def __init__(self, mcdata):
                    self.mcdata = mcdata
                    Event.__init__(self)

            class RecipeEvent(Event):
                def __init__(self, fn):
                    self.fn = fn
                    Event.__init__(self)

            class RecipePreFinalise(RecipeEvent):
                pass

            class RecipePostKeyExpansion(RecipeEvent):
                pass

            class RecipeTaskPreProcess(RecipeEvent):
                def __init__(self, fn, tasklist):
                    self.fn = fn
                    self.tasklist = tasklist
                    Event.__init__(self)

            class RecipeParsed(RecipeEvent):
                pass

            def getName(e):
                if hasattr(e, "__name__"):
                    return e.__name__
                return e.__class__.__name__
            """;

    /** {@code bb.process}: its exceptions; {@code run} is native. */
    static final String PROCESS = """
            class CmdError(RuntimeError):
                def __init__(self, command, msg=None):
                    self.command = command
                    self.msg = msg
                def __str__(self):
                    if not isinstance(self.command, str):
                        cmd = ' '.join(self.command)
                    else:
                        cmd = self.command
                    msg = "Execution of '%s' failed" % cmd
                    if self.msg:
                        msg += ': %s' % self.msg
                    return msg

            class NotFoundError(CmdError):
                def __str__(self):
                    return CmdError.__str__(self) + ": command not found"

            class ExecutionError(CmdError):
                def __init__(self, command, exitcode, stdout=None, stderr=None):
                    CmdError.__init__(self, command)
                    self.exitcode = exitcode
                    self.stdout = stdout
                    self.stderr = stderr
                    self.extra_message = None
                def __str__(self):
                    message = (self.stderr or "") + (self.stdout or "")
                    if message:
                        message = ":\\n" + message
                    return CmdError.__str__(self) + " with exit code %s" % self.exitcode + message \\
                        + (self.extra_message or "")

            def run(cmd, input=None, log=None, extrafiles=None, **options):
                if input is not None or log is not None or extrafiles:
                    raise NotImplementedError("bitzel: bb.process.run with input, log or extrafiles at parse time")
                code, stdout, stderr = _run(cmd, options.get('cwd'), options.get('stderr'))
                if code == 127:
                    raise NotFoundError(cmd)
                if code != 0:
                    raise ExecutionError(cmd, code, stdout, stderr)
                return stdout, stderr
            """;

    /** {@code bb.data}: module-level helpers over the datastore ({@code inherits_class} is native). */
    static final String DATA = """
            def createCopy(source):
                return source.createCopy()

            def init():
                raise NotImplementedError("bitzel: bb.data.init() at parse time")

            def expand(s, d, varname=None):
                return d.expand(s)

            def expandKeys(alterdata, readdata=None):
                raise NotImplementedError("bitzel: bb.data.expandKeys from metadata Python")
            """;

    /** {@code bb.build}: task list changes go to the parse that is running. */
    static final String BUILD = """
            class FuncFailed(Exception):
                pass

            class TaskBase(object):
                pass

            def addtask(task, before, after, d):
                if task[:3] != "do_":
                    task = "do_" + task
                _addtask(task, (before or '').split(), (after or '').split())

            def deltask(task, d):
                if task[:3] != "do_":
                    task = "do_" + task
                _deltask(task)

            def tasksbetween(task_start, task_end, d):
                # BitBake's walk: the chains that reach task_end, task_end included. BitBake takes the tasks from
                # d.keys() (a set: hash order); here in __BBTASKS order
                outtasks = []
                tasks = d.getVar('__BBTASKS', False) or []
                def follow_chain(task, endtask, chain=None):
                    if not chain:
                        chain = []
                    if task in chain:
                        import bb
                        bb.fatal("Circular task dependencies as %s depends on itself via the chain %s"
                                 % (task, " -> ".join(chain)))
                    chain.append(task)
                    for othertask in tasks:
                        if othertask == task:
                            continue
                        if task == endtask:
                            for ctask in chain:
                                if ctask not in outtasks:
                                    outtasks.append(ctask)
                        else:
                            deps = d.getVarFlag(othertask, 'deps', False)
                            if task in deps:
                                follow_chain(othertask, endtask, chain)
                    chain.pop()
                follow_chain(task_start, task_end)
                return outtasks

            def exec_func(func, d, dirs=None):
                # the running task's executor runs it (and writes the failure to the task log)
                failure = _exec_func(func, d)
                if failure is not None:
                    raise bb.BBHandledException(failure)
            """;

    /** {@code bb.fetch2} (also bound as {@code bb.fetch}): URL parsing without network. */
    static final String FETCH = """
            import collections
            import re
            import os

            class BBFetchException(Exception):
                def __init__(self, message):
                    self.msg = message
                    Exception.__init__(self, message)
                def __str__(self):
                    return self.msg

            class UntrustedUrl(BBFetchException):
                pass

            class MalformedUrl(BBFetchException):
                def __init__(self, url, message=''):
                    if message:
                        msg = message
                    else:
                        msg = "The URL: '%s' is invalid and cannot be interpreted" % url
                    self.url = url
                    BBFetchException.__init__(self, msg)
                    self.args = (url,)

            class FetchError(BBFetchException):
                def __init__(self, message, url=None):
                    if url:
                        msg = "Fetcher failure for URL: '%s'. %s" % (url, message)
                    else:
                        msg = "Fetcher failure: %s" % message
                    self.url = url
                    BBFetchException.__init__(self, msg)
                    self.args = (message, url)

            class ParameterError(BBFetchException):
                def __init__(self, message, url):
                    msg = "URL: '%s' has invalid parameters. %s" % (url, message)
                    self.url = url
                    BBFetchException.__init__(self, msg)
                    self.args = (message, url)

            class MissingParameterError(BBFetchException):
                def __init__(self, missing, url):
                    msg = "URL: '%s' is missing the required parameter '%s'" % (url, missing)
                    self.url = url
                    self.missing = missing
                    BBFetchException.__init__(self, msg)
                    self.args = (missing, url)

            class NoMethodError(BBFetchException):
                def __init__(self, url):
                    msg = "Could not find a fetcher which supports the URL: '%s'" % url
                    self.url = url
                    BBFetchException.__init__(self, msg)
                    self.args = (url,)

            _SAFE = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/')

            def _quote(s):
                out = []
                for ch in s:
                    if ch in _SAFE:
                        out.append(ch)
                    else:
                        for b in ch.encode('utf-8'):
                            out.append('%%%02X' % b)
                return ''.join(out)

            def _unquote(s):
                if '%' not in s:
                    return s
                raw = []
                i = 0
                while i < len(s):
                    c = s[i]
                    if c == '%' and re.match('[0-9a-fA-F]{2}$', s[i + 1:i + 3]):
                        raw.append(int(s[i + 1:i + 3], 16))
                        i += 3
                    else:
                        raw.extend(list(c.encode('utf-8')))
                        i += 1
                return bytes(raw).decode('utf-8', 'replace')

            _URL = re.compile('(?P<type>[^:]*)://((?P<user>[^/;]+)@)?(?P<location>[^;]+)(;(?P<parm>.*))?')
            _USER = re.compile('(?P<user>[^:]+)(:?(?P<pswd>.*))')

            def decodeurl(url):
                m = _URL.match(url)
                if not m:
                    raise MalformedUrl(url)
                scheme = m.group('type')
                location = m.group('location')
                if not location:
                    raise MalformedUrl(url)
                user = m.group('user')
                parm = m.group('parm')
                slash = location.find('/')
                if slash != -1 and scheme.lower() != 'file':
                    host, path = location[:slash], location[slash:]
                elif scheme.lower() == 'file':
                    host, path = "", location
                    if user:
                        path = user + '@' + path
                        user = ""
                else:
                    host, path = location, "/"
                pswd = ''
                if user:
                    um = _USER.match(user)
                    if um:
                        user = um.group('user')
                        pswd = um.group('pswd')
                else:
                    user = ''
                params = collections.OrderedDict()
                if parm:
                    for s in parm.split(';'):
                        if s:
                            if '=' not in s:
                                raise MalformedUrl(url, "The URL: '%s' is invalid: parameter %s does not specify "
                                                   "a value (missing '=')" % (url, s))
                            k, v = s.split('=', 1)
                            params[k] = v
                return scheme, host, _unquote(path), user, pswd, params

            def encodeurl(decoded):
                scheme, host, path, user, pswd, p = decoded
                if not scheme:
                    raise MissingParameterError('type', "encoded from the data %s" % str(decoded))
                url = ['%s://' % scheme]
                if user and scheme != "file":
                    url.append(user)
                    if pswd:
                        url.append(":%s" % pswd)
                    url.append("@")
                if host and scheme != "file":
                    url.append(host)
                if path:
                    while '//' in path:
                        path = path.replace("//", "/")
                    url.append(_quote(path))
                if p:
                    for parm in p:
                        url.append(";%s=%s" % (parm, p[parm]))
                return "".join(url)

            class URI(object):
                # the attributes metadata reads at parse time; no netloc re-encoding
                def __init__(self, uri=None):
                    self.scheme = ''
                    self.userinfo = ''
                    self.hostname = ''
                    self.port = None
                    self.path = ''
                    self.params = {}
                    self.query = {}
                    self.relative = False
                    if not uri:
                        return
                    parts = uri.split(";", 1)
                    rest = parts[0]
                    m = re.match('([A-Za-z][A-Za-z0-9+.-]*):(.*)$', rest)
                    if m:
                        self.scheme = m.group(1).lower()
                        rest = m.group(2)
                    if self.scheme == 'file' and rest.startswith('//') and not rest.startswith('///'):
                        rest = rest[2:]
                        self.relative = not rest.startswith('/')
                    elif rest.startswith('//'):
                        rest = rest[2:]
                        slash = rest.find('/')
                        netloc = rest if slash < 0 else rest[:slash]
                        rest = '' if slash < 0 else rest[slash:]
                        if '@' in netloc:
                            self.userinfo, netloc = netloc.rsplit('@', 1)
                        if ':' in netloc and netloc.rsplit(':', 1)[1].isdigit():
                            netloc, port = netloc.rsplit(':', 1)
                            self.port = int(port)
                        self.hostname = netloc.lower()
                    if '?' in rest:
                        rest, q = rest.split('?', 1)
                        self.query = self._split(q, '&')
                    if '#' in rest:
                        rest = rest.split('#', 1)[0]
                    self.path = _unquote(rest)
                    if len(parts) > 1 and parts[1]:
                        self.params = self._split(parts[1], ';')

                @staticmethod
                def _split(s, sep):
                    out = {}
                    for kv in s.split(sep):
                        if not kv:
                            continue
                        k, _, v = kv.partition('=')
                        out[k] = v if '=' in kv else None
                    return out

            class Fetch(object):
                # URLs decoded here; downloads, unpacking and non-local paths by the running task's fetcher
                def __init__(self, urls, d, cache=True, localonly=False, connection_cache=None):
                    if localonly and cache:
                        raise Exception("bb.fetch2.Fetch.__init__: cannot set cache and localonly at same time")
                    if isinstance(urls, str):
                        urls = urls.split()
                    if len(urls) == 0:
                        urls = (d.getVar("SRC_URI") or "").split()
                    self.urls = urls
                    self.d = d
                    self.ud = {}
                    for u in urls:
                        self.ud[u] = FetchData(u, d, self)

                def localpath(self, url):
                    if url not in self.urls:
                        self.ud[url] = FetchData(url, self.d, self)
                    self.ud[url].setup_localpath(self.d)
                    return self.d.expand(self.ud[url].localpath)

                def localpaths(self):
                    local = []
                    for u in self.urls:
                        ud = self.ud[u]
                        ud.setup_localpath(self.d)
                        local.append(ud.localpath)
                    return local

                def _selected(self, urls):
                    return self.urls if not urls else urls

                def download(self, urls=None):
                    for u in self._selected(urls):
                        ud = self.ud[u]
                        ud.setup_localpath(self.d)
                        premirrors = _mirror_urls(ud, self.d, "PREMIRRORS")
                        mirrors = _mirror_urls(ud, self.d, "MIRRORS")
                        failure = _download(ud.url, ud._decoded, ud.localpath, premirrors, mirrors, self.d)
                        if failure is not None:
                            raise FetchError(failure, ud.url)

                def unpack(self, root, urls=None):
                    for u in self._selected(urls):
                        ud = self.ud[u]
                        ud.setup_localpath(self.d)
                        failure = _unpack(ud.url, ud._decoded, ud.localpath, root, self.d)
                        if failure is not None:
                            raise FetchError(failure, ud.url)

                def checkstatus(self, urls=None):
                    raise NotImplementedError("bitzel: bb.fetch2.Fetch.checkstatus")

                def clean(self, urls=None):
                    raise NotImplementedError("bitzel: bb.fetch2.Fetch.clean")

            def localpath(url, d):
                return Fetch([url], d).localpath(url)

            def mark_recipe_nocache(d):
                if d.getVar('BB_SRCREV_POLICY') != "cache":
                    d.setVar('BB_DONT_CACHE', '1')

            def get_autorev(d):
                # AUTOREV's value: the revision is resolved when the git URL's data is set up (which needs the network)
                mark_recipe_nocache(d)
                d.setVar("__BBAUTOREV_SEEN", True)
                return "AUTOINC"

            class FetchData(object):
                # the decoded URL; file:// sources are looked up on FILESPATH, others placed by the task's fetcher
                def __init__(self, url, d, fetch):
                    self.url = d.expand(url)
                    self._decoded = decodeurl(self.url)
                    self.type, self.host, self.path, self.user, self.pswd, self.parm = self._decoded
                    self.names = self.parm.get("name", 'default').split(',')
                    self.revisions = {}
                    self.localpath = None
                    if self.type == 'file':
                        # BitBake's local fetcher: the path as written in the URL, looked up when first asked for
                        self.decodedurl = _unquote(url.split("://")[1].split(";")[0])
                        self.basename = os.path.basename(self.decodedurl)
                        self.basepath = self.decodedurl
                        if "*" in self.decodedurl:
                            raise ParameterError("file:// urls using globbing are no longer supported. Please place"
                                    " the files in a directory and reference that instead.", self.url)
                    elif self.type in ('git', 'gitsm') and not _in_task():
                        # at parse time, as BitBake's git fetcher sets up: the revisions, and the clone's place
                        for name in self.names:
                            rev = srcrev_internal_helper(self, d, name)
                            if not re.match('^[0-9a-f]{40}$', rev or ''):
                                raise NotImplementedError("bitzel: revision '%s' of %s is not a commit id: resolving"
                                        " it needs the network, not available at parse time" % (rev, self.url))
                            self.revisions[name] = rev
                        gitsrcname = '%s%s' % (self.host.replace(':', '.'), self.path.replace('/', '.')
                                .replace('*', '.').replace(' ', '_').replace('(', '_').replace(')', '_'))
                        if gitsrcname.startswith('.'):
                            gitsrcname = gitsrcname[1:]
                        if self.parm.get("rebaseable", "0") == "1":
                            for name in self.names:
                                gitsrcname = gitsrcname + '_' + self.revisions[name]
                        gitdir = d.getVar("GITDIR") or ((d.getVar("DL_DIR") or '') + "/git2")
                        self.clonedir = os.path.join(gitdir, gitsrcname)
                        self.localfile = self.clonedir
                        self.localpath = self.clonedir
                    elif self.type in ('http', 'https', 'ftp') and not _in_task():
                        # at parse time, as BitBake's wget fetcher names the download
                        if 'downloadfilename' in self.parm:
                            self.basename = self.parm['downloadfilename']
                        else:
                            self.basename = os.path.basename(self.path)
                        self.localfile = d.expand(_unquote(self.basename))
                        if not self.localfile:
                            self.localfile = d.expand(_unquote(self.host + self.path).replace("/", "."))
                        self.localpath = os.path.join(d.getVar("DL_DIR") or '', self.localfile)
                    else:
                        self.localpath = _localpath(self.url, self._decoded, d)

                def setup_localpath(self, d):
                    if not self.localpath:
                        self.localpath = self._filepaths_searched(d)[-1]

                def _filepaths_searched(self, d):
                    # BitBake's localfile_searchpaths: the candidates up to the first that exists (absolute or not);
                    # the last candidate when none does, and none at all when FILESPATH is empty
                    path = self.decodedurl
                    if path[0] == "/":
                        return [path]
                    searched = []
                    filespath = d.getVar('FILESPATH')
                    for p in filespath.split(':') if filespath else []:
                        candidate = os.path.join(p, path)
                        searched.append(candidate)
                        if os.path.exists(candidate):
                            break
                    return searched

            def _mirror_pairs(value):
                mirrors = (value or "").replace('\\n', ' ').split()
                if len(mirrors) % 2 != 0:
                    bb.warn('Invalid mirror data %s, should have paired members.' % value)
                return list(zip(*[iter(mirrors)] * 2))

            def _uri_replace(ud, uri_find, uri_replace, replacements):
                # BitBake's rule: each component of the URL is matched against the pattern's and rewritten
                uri = list(decodeurl(ud.url))
                find = list(decodeurl(uri_find))
                repl = list(decodeurl(uri_replace))
                result = ['', '', '', '', '', collections.OrderedDict()]
                for loc, pattern in enumerate(find):
                    result[loc] = uri[loc]
                    regexp = pattern
                    if loc == 0 and regexp and not regexp.endswith("$"):
                        regexp += "$"
                    if loc == 5:
                        if pattern:
                            for k in find[loc]:
                                if uri[loc].get(k) != find[loc][k]:
                                    return None
                        for k in repl[loc]:
                            value = repl[loc][k]
                            for r in replacements:
                                value = value.replace(r, replacements[r])
                            result[loc][k] = value
                    elif (loc == 3 or loc == 4) and repl[loc]:
                        result[loc] = repl[loc]
                    elif re.match(regexp, uri[loc]):
                        if not repl[loc]:
                            result[loc] = ""
                        else:
                            value = repl[loc]
                            for r in replacements:
                                value = value.replace(r, replacements[r])
                            result[loc] = re.sub(regexp, value, uri[loc], count=1)
                        if loc == 2 and ud.localpath and ud.type != 'git' and not os.path.isdir(ud.localpath):
                            basename = os.path.basename(ud.localpath)
                            uri_basename = os.path.basename(uri[loc])
                            path = "/" + result[loc]
                            if uri_basename and basename != uri_basename and path.endswith("/" + uri_basename):
                                result[loc] = path[1:-len(uri_basename)] + basename
                            elif not path.endswith("/" + basename):
                                result[loc] = os.path.join(path[1:], basename)
                    else:
                        return None
                url = encodeurl(result)
                return None if url == ud.url else url

            def _mirror_urls(ud, d, var):
                replacements = {
                    "TYPE": ud.type,
                    "HOST": ud.host,
                    "PATH": ud.path,
                    "BASENAME": ud.path.split("/")[-1],
                    "MIRRORNAME": ud.host.replace(':', '.') + ud.path.replace('/', '.').replace('*', '.'),
                }
                urls = []
                for find, repl in _mirror_pairs(d.getVar(var)):
                    url = _uri_replace(ud, find, repl, replacements)
                    if url and url not in urls:
                        urls.append(url)
                return [(u, decodeurl(u)) for u in urls]

            def srcrev_internal_helper(ud, d, name):
                # BitBake's: the first of SRCREV_name:pn-PN, SRCREV_name, SRCREV:pn-PN, SRCREV that is set, or the
                # URL's rev= or tag= parameter
                srcrev = None
                pn = d.getVar("PN")
                attempts = []
                if name != '' and pn:
                    attempts.append("SRCREV_%s:pn-%s" % (name, pn))
                if name != '':
                    attempts.append("SRCREV_%s" % name)
                if pn:
                    attempts.append("SRCREV:pn-%s" % pn)
                attempts.append("SRCREV")
                for a in attempts:
                    srcrev = d.getVar(a)
                    if srcrev and srcrev != "INVALID":
                        break
                if 'rev' in ud.parm and 'tag' in ud.parm:
                    raise FetchError("Please specify a ;rev= parameter or a ;tag= parameter in the url %s but not"
                            " both." % (ud.url))
                if 'rev' in ud.parm or 'tag' in ud.parm:
                    if 'rev' in ud.parm:
                        parmrev = ud.parm['rev']
                    else:
                        parmrev = ud.parm['tag']
                    if srcrev == "INVALID" or not srcrev:
                        return parmrev
                    if srcrev != parmrev:
                        raise FetchError("Conflicting revisions (%s from SRCREV and %s from the url) found, please"
                                " specify one valid value" % (srcrev, parmrev))
                    return parmrev
                if srcrev == "INVALID" or not srcrev:
                    raise FetchError("Please set a valid SRCREV for url %s (possible key names are %s, or use a"
                            " ;rev=X URL parameter)" % (str(attempts), ud.url), ud.url)
                if srcrev == "AUTOINC":
                    raise NotImplementedError('bitzel: SRCREV = "${AUTOREV}" for %s: the latest revision needs the'
                            ' network, not available at parse time' % ud.url)
                return srcrev
            """;
}
