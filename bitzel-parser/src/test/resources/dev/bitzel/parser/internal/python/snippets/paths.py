#### pure_path_parts
from pathlib import PurePosixPath, PurePath, Path
p = PurePosixPath('/usr/lib/libfoo.so.1.2')
print(repr(p), str(p), p.name, p.suffix, p.suffixes, p.stem, repr(p.parent), p.parts, p.anchor, repr(p.drive), p.root)
print(repr(PurePath('a')), repr(Path('a')), [c.__name__ for c in type(Path('a')).__mro__])
print(list(p.parents), repr(p.parents), len(p.parents), p.parents[0], p.parents[-1], p.parents[:2], p.parents[1:])
print(repr(PurePosixPath('//a/b')), repr(PurePosixPath('///a/./b//c/')), repr(PurePosixPath('')), repr(PurePosixPath('./a/../b')), PurePosixPath('a', '/b', 'c'))
print(PurePosixPath('a.tar.gz').suffixes, repr(PurePosixPath('.bashrc').suffix), repr(PurePosixPath('a.').suffix), PurePosixPath('..').name, repr(PurePosixPath('/').name), PurePosixPath('/').parent)
print(PurePosixPath('a/b.c').stem, PurePosixPath('a').parts, PurePosixPath('/').parts, PurePosixPath('//').parts, repr(Path('.').parent))
#### pure_path_operations
from pathlib import PurePosixPath, PurePath, Path
p = PurePosixPath('/usr/lib/libfoo.so.1.2')
print(PurePosixPath('a') / 'b' / 'c.txt', 'x' / PurePosixPath('y'), PurePosixPath('a') / PurePosixPath('/b'), repr(PurePath('a') / Path('b')), repr(Path('a') / PurePath('b')))
print(p.with_suffix('.a'), p.with_suffix(''), p.with_stem('bar'), p.with_name('x.y'), PurePosixPath('a').with_suffix('.x.y'))
print(p.relative_to('/usr'), p.relative_to('/usr', 'lib'), p.relative_to('/'), p.is_relative_to('/usr'), p.is_relative_to('/etc'))
print(p.match('*.2'), p.match('lib/*.2'), p.match('/lib/*'), p.match('/usr/*/*'), p.match('**/*.2'), PurePosixPath('a/b').match('B'))
print(PurePosixPath('/a') == PurePosixPath('/a/'), PurePosixPath('a') == Path('a'), hash(PurePosixPath('a')) == hash(PurePosixPath('a')), sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]))
print(PurePosixPath('/a').is_absolute(), PurePosixPath('a').is_absolute(), PurePosixPath('a/b').joinpath('c', '/d', 'e'), p.as_posix(), p.as_uri(), bytes(p), PurePosixPath('/a b/ü').as_uri())
print(Path('/x/y') == PurePosixPath('/x/y'), PurePosixPath('/x') < PurePosixPath('/y'), PurePosixPath('Z') < PurePosixPath('a'), {PurePosixPath('a'): 1}[Path('a')])
import os
print(os.fspath(p), os.path.join(p, 'x'), os.path.basename(Path('/q/r.txt')), str(Path('.')), Path('/x/../y').resolve(), PurePosixPath('/x/../y'))
#### pure_path_errors
from pathlib import PurePosixPath, Path
p = PurePosixPath('/usr/lib/libfoo.so.1.2')
for f in [lambda: p.relative_to('/etc'), lambda: p.with_name(''), lambda: PurePosixPath('/').with_name('x'), lambda: p.with_suffix('a'), lambda: p.with_name('a/b'), lambda: PurePosixPath('a').relative_to('/a'), lambda: PurePosixPath('a') / 1, lambda: PurePosixPath(1), lambda: PurePosixPath('a').as_uri(), lambda: p.relative_to(), lambda: p.match(''), lambda: p.parents[3], lambda: list(Path('a').glob('/x')), lambda: list(Path('a').glob('')), lambda: type(Path('a').glob('*')).__name__]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
#### path_file_system_reads
from pathlib import Path
import os
root = Path('/')
print(root.exists(), root.is_dir(), root.is_file(), root.is_symlink(), Path('/no/such/path').exists(), Path('/no/such').is_dir())
print(Path.cwd() == Path(os.getcwd()), Path('a').absolute() == Path(os.getcwd(), 'a'), Path('/a').absolute())
try:
    Path('/no/such/file.txt').read_text()
except FileNotFoundError as e:
    print(type(e).__name__, e)
