"""pathlib for Bitzel's interpreter: PurePath, PurePosixPath, Path and PosixPath with CPython 3.11's results.

The pure paths compute on strings. What a Path does with the file system goes through the os and os.path
functions and open(), so it reads and changes exactly what those do in this interpreter (and is recorded the
same way); where they are not supported, the NotImplementedError names the os function. Windows paths are not
supported.
"""
import os
import fnmatch as _fnmatch

__all__ = ['PurePath', 'PurePosixPath', 'PureWindowsPath', 'Path', 'PosixPath', 'WindowsPath']


def _parse(args):
    # (root, parts) of the joined arguments: '//' stays a root of its own, as POSIX allows
    root = ''
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            a = str(a)
        else:
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError('argument should be a str object or an os.PathLike object returning str, not %r'
                                % (type(a),))
        if a.startswith('/'):
            root = '//' if a.startswith('//') and not a.startswith('///') else '/'
            parts = []
        for x in a.split('/'):
            if x and x != '.':
                parts.append(x)
    return root, parts


class _PathParents:
    def __init__(self, path):
        self._path = path
        self._root = path._root
        self._parts = path._parts

    def __len__(self):
        return len(self._parts)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._derive(self._root, self._parts[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return '<{}.parents>'.format(type(self._path).__name__)


class PurePath:
    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        root, parts = _parse(args)
        return cls._from_parsed(root, parts)

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = parts
        return self

    def _derive(self, root, parts):
        return type(self)._from_parsed(root, parts)

    def __str__(self):
        return self._root + '/'.join(self._parts) or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return str(self).encode()

    def __repr__(self):
        return '{}({!r})'.format(type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~/'
        quoted = ''.join(c if c in safe else ''.join('%%%02X' % b for b in c.encode()) for c in str(self))
        return 'file://' + quoted

    @property
    def _cparts(self):
        return ([self._root] if self._root else []) + self._parts

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts == other._cparts

    def __hash__(self):
        return hash(tuple(self._cparts))

    def _compare(self, other, op):
        if not isinstance(other, PurePath):
            return NotImplemented
        return op(self._cparts, other._cparts)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return tuple(self._cparts)

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._derive(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def joinpath(self, *args):
        return self._derive(*_parse((self,) + args))

    def __truediv__(self, key):
        try:
            return self._derive(*_parse((self, key)))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._derive(*_parse((key, self)))
        except TypeError:
            return NotImplemented

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        root, parts = _parse((name,))
        if not name or name[-1] == '/' or root or len(parts) != 1:
            raise ValueError('Invalid name %r' % (name,))
        return self._derive(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError('Invalid suffix %r' % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._derive(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError('need at least one argument')
        to_root, to_parts = _parse(other)
        mine = self._cparts
        theirs = ([to_root] if to_root else []) + to_parts
        n = len(theirs)
        if (self._root if n == 0 else mine[:n] != theirs):
            formatted = to_root + '/'.join(to_parts) or '.'
            raise ValueError('{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute.'
                             .format(str(self), formatted))
        return self._derive('', mine[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        root, pat_parts = _parse((path_pattern,))
        if root:
            pat_parts = [root] + pat_parts
        if not pat_parts:
            raise ValueError('empty pattern')
        if root and root != self._root:
            return False
        parts = self._cparts
        if root:
            if len(pat_parts) != len(parts):
                return False
            pat_parts = pat_parts[1:]
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not _fnmatch.fnmatchcase(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    pass


class PureWindowsPath(PurePath):
    def __new__(cls, *args):
        raise NotImplementedError('bitzel: pathlib.PureWindowsPath is not supported')


class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls('~').expanduser()

    def absolute(self):
        if self.is_absolute():
            return self
        return self._derive(*_parse((os.getcwd(), self)))

    def resolve(self, strict=False):
        if strict:
            self.stat()
        return self._derive(*_parse((os.path.realpath(self),)))

    def expanduser(self):
        if not self._root and self._parts and self._parts[0][:1] == '~':
            homedir = os.path.expanduser(self._parts[0])
            if homedir[:1] == '~':
                raise RuntimeError('Could not determine home directory.')
            return self._derive(*_parse([homedir] + self._parts[1:]))
        return self

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            return os.stat(self)
        return os.lstat(self)

    def lstat(self):
        return os.lstat(self)

    def exists(self):
        return os.path.exists(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_symlink(self):
        return os.path.islink(self)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        if not isinstance(other_path, PurePath):
            other_path = type(self)(other_path)
        return os.path.samefile(self, other_path)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._derive(self._root, self._parts + [name])

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        if pattern[-1] == '/':
            parts.append('')
        yield from self._select(parts)

    def rglob(self, pattern):
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        if pattern and pattern[-1] == '/':
            parts.append('')
        yield from self._select(['**'] + parts)

    def _select(self, parts):
        # the matches of the pattern parts below this directory, in the order os.listdir gives the entries
        if not parts:
            yield self
            return
        part, rest = parts[0], parts[1:]
        if part == '':
            if self.is_dir():
                yield self
            return
        if part == '**':
            seen = set()
            for directory in self._walk_dirs():
                for match in directory._select(rest):
                    if match not in seen:
                        seen.add(match)
                        yield match
            return
        if not any(c in part for c in '*?['):
            child = self._derive(self._root, self._parts + [part])
            if rest and child.is_dir() or not rest and child.exists():
                yield from child._select(rest)
            return
        if not self.is_dir():
            return
        for name in os.listdir(self):
            if _fnmatch.fnmatchcase(name, part):
                child = self._derive(self._root, self._parts + [name])
                if rest and not child.is_dir():
                    continue
                yield from child._select(rest)

    def _walk_dirs(self):
        yield self
        for name in os.listdir(self):
            child = self._derive(self._root, self._parts + [name])
            if child.is_dir() and not child.is_symlink():
                yield from child._walk_dirs()

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        data = bytes(data)
        with self.open(mode='wb') as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)

    def readlink(self):
        return type(self)(os.readlink(self))

    def owner(self):
        raise NotImplementedError('bitzel: pathlib.Path.owner is not supported')

    def group(self):
        raise NotImplementedError('bitzel: pathlib.Path.group is not supported')


class PosixPath(Path, PurePosixPath):
    pass


class WindowsPath(Path, PureWindowsPath):
    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate 'WindowsPath' on your system")
