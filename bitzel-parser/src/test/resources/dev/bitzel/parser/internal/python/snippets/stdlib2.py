#### bisect_module
import bisect
a = [1, 3, 3, 7]
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 3), bisect.bisect_left(a, 3, 2), bisect.bisect_right(a, 3, 0, 2))
for f in [lambda: bisect.bisect_left(a, 3, -1), lambda: bisect.bisect(a, 3, 0, 10), lambda: bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda x: x[0]), lambda: bisect.insort_left(a, 5, lo=2, hi=3) or a, lambda: bisect.bisect_right(a, 3, hi=-1), lambda: bisect.bisect_left(5, 3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
rows = [('a', 1), ('c', 5)]
bisect.insort(rows, ('b', 3), key=lambda r: r[1])
print(rows, bisect.insort_right(rows, ('z', 3), key=lambda r: r[1]), rows)
#### heapq_module
import heapq
h = []
for v in [5, 1, 4, 2, 8, 0, 3]:
    heapq.heappush(h, v)
print(h)
print(heapq.heappop(h), h, heapq.heapreplace(h, 6), h, heapq.heappushpop(h, 9), heapq.heappushpop(h, -1), h)
x = [9, 8, 7, 1, 2, 6, 5]
heapq.heapify(x)
print(x, [heapq.heappop(x) for _ in range(len(x))])
print(heapq.nlargest(2, 'bdca'), heapq.nsmallest(2, [9, 3, 7], key=lambda v: -v), heapq.nlargest(3, [(1, 'a'), (2, 'b'), (1, 'c')], key=lambda t: t[0]))
print(list(heapq.merge([1, 4], [2, 3], [0])), list(heapq.merge([3, 1], [2], reverse=True)), list(heapq.merge(['a', 'cc'], ['bbb'], key=len)), list(heapq.merge()))
for f in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush(1, 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
#### uuid_module
import uuid
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'yoctoproject.org'), uuid.uuid3(uuid.NAMESPACE_URL, 'x'), uuid.uuid5(uuid.NAMESPACE_OID, 'oid'), uuid.uuid3(uuid.NAMESPACE_X500, 'cn=x'))
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.urn, u.version, u.variant, u.fields, u.time_low, u.node, u.clock_seq, u.time)
print(uuid.UUID(hex='12345678123456781234567812345678') == u, uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u, uuid.UUID(fields=u.fields) == u, hash(u) == hash(u.int), int(u))
print(uuid.UUID(int=5, version=4), sorted([uuid.UUID(int=3), uuid.UUID(int=1)]), uuid.UUID('urn:uuid:12345678-1234-5678-1234-567812345678') == u)
v4 = uuid.uuid4()
v1 = uuid.uuid1()
print(v4.version, v4.variant, len(str(v4)), v4 != uuid.uuid4(), v1.version, v1.variant, v1 != uuid.uuid1(), uuid.getnode() == uuid.getnode())
for f in [lambda: uuid.UUID(), lambda: uuid.UUID('xyz'), lambda: uuid.UUID(bytes=b'short'), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1, version=9), lambda: setattr(u, 'int', 1), lambda: uuid.UUID(fields=(1, 2)), lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)), lambda: uuid.uuid5(uuid.NAMESPACE_DNS, b'x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
#### posixpath_is_os_path
import os, posixpath
print(posixpath is os.path, posixpath.__name__, posixpath.join('x', 'y'), os.path.__name__)
#### struct_module
import struct
print(struct.pack('<IH', 1, 2).hex(), struct.unpack('>h', b'\xff\xfe'), struct.calcsize('<iq'), struct.calcsize('iq'), struct.calcsize('@bhid'), struct.calcsize('=bhid'), struct.calcsize('3s2x?'), struct.calcsize('P'), struct.calcsize('@ci'), struct.calcsize('e'))
print(struct.pack('>3sx?', b'ab', True), struct.pack('5p', b'hello world'), struct.pack('c', b'x'), struct.pack('<d', 1.5).hex(), struct.pack('>f', 0.1).hex(), struct.pack('<e', 1.5).hex(), struct.pack('!I', 258))
print(struct.unpack('<IH', b'\x01\x00\x00\x00\x02\x00'), struct.unpack('3s', b'abc'), struct.unpack('>f', struct.pack('>f', 0.1)), struct.unpack('?', b'\x05'), struct.unpack('5p', struct.pack('5p', b'hi')), struct.unpack('@bi', struct.pack('@bi', 1, 2)), struct.unpack('<q', b'\xff' * 8), struct.unpack('>Q', b'\xff' * 8))
print(struct.unpack_from('<H', b'\x00\x01\x02', 1), list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')), struct.unpack_from('<H', b'\x00\x01\x02', offset=-2))
buf = bytearray(6)
struct.pack_into('<HI', buf, 0, 1, 2)
print(buf)
s = struct.Struct('<2H')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'), struct.Struct(b'>i').format, s.unpack_from(b'\x00\x01\x00\x02\x00', 1))
print(struct.pack('@bq', 1, 2), struct.pack('@hd', 1, 2.0), struct.calcsize('@bq'), struct.calcsize('@qb'), struct.pack('<e', 65504.0), struct.unpack('<e', b'\x00\x7c'), struct.pack('>d', float('nan')).hex(), struct.pack('>f', float('inf')).hex())
print(struct.pack('2s', b'abc'), struct.pack('3s', b'a'), struct.pack('0s', b'a'), struct.pack('1p', b'abc'), struct.pack('3p', b'\xff' * 300), struct.unpack('2p', b'\x05a'), struct.pack('<2h', 1, 2), struct.pack('< h', 1), struct.pack('2x'), struct.pack('i', True))
print([struct.unpack('<e', struct.pack('<e', v))[0] for v in [0.0, -0.0, 1e-7, 6e-8, 0.1, 1/3, 65519.0, -2.5, 2**-14, 2**-24]])
print(struct.pack('<e', 1e-8), struct.pack('<e', 3e-8), struct.pack('<e', 2049.0), struct.pack('<e', 2051.0), struct.unpack('<2e', b'\x01\x00\xff\x7b'))
tests = [lambda: struct.pack('b', 200), lambda: struct.pack('B', -1), lambda: struct.pack('h', 40000), lambda: struct.pack('<I', -1), lambda: struct.pack('i', 'x'), lambda: struct.pack('i', 1.5), lambda: struct.pack('ii', 1), lambda: struct.pack('i', 1, 2), lambda: struct.unpack('i', b'ab'), lambda: struct.pack('y', 1), lambda: struct.pack('s', 'str'), lambda: struct.pack('c', b'ab'), lambda: struct.calcsize('3'), lambda: struct.unpack_from('<I', b'ab', 1), lambda: struct.pack_into('<I', bytearray(2), 0, 1), lambda: struct.pack('<q', 2 ** 63), lambda: struct.pack('Q', 2 ** 64), lambda: list(struct.iter_unpack('<I', b'abc')), lambda: struct.pack('f', 'x'), lambda: struct.pack('<f', 1e300), lambda: struct.pack('e', 1e10), lambda: struct.pack('<H', True), lambda: struct.pack('<x'), lambda: struct.pack('?', []), lambda: struct.unpack('<0s', b'')]
for f in tests:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for fmt, v in [('<b', 200), ('<B', 256), ('<h', 40000), ('<H', -1), ('<H', 70000), ('<i', 2 ** 31), ('<I', 2 ** 32), ('<l', 2 ** 31), ('<L', -1), ('<L', 2 ** 32), ('<q', 2 ** 63), ('<Q', -1), ('i', 2 ** 31), ('I', -1), ('I', 2 ** 32), ('l', 2 ** 63), ('L', -1), ('n', 2 ** 63), ('N', -1), ('P', -1), ('<n', 1)]:
    try:
        print(fmt, v, struct.pack(fmt, v))
    except Exception as e:
        print(fmt, v, type(e).__name__, e)
print(struct.error, issubclass(struct.error, Exception))
#### fractions_module
from fractions import Fraction as F
import math
print(F(3, 6), repr(F(3, 6)), F('0.25'), F(' -1.5e3 '), F('3/4'), F(0.1), F(1.5), F(F(1, 3), F(1, 2)), F(-3, -6), F(3, -6), F('7'), F(2, 1), F('1_000.5'))
for f in [lambda: F(1, 0), lambda: F('x'), lambda: F(1.5, 2), lambda: F('1/0'), lambda: F(float('nan')), lambda: F(float('inf')), lambda: F([1]), lambda: F(1, 3) / 0, lambda: F(0) ** -1]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(1, 3)), a ** 2, a ** -2, F(4) ** F(1, 2), 2 ** F(1, 2), a + 1, 1 + a, a + 0.5, 0.5 + a, -a, abs(-a), +a, F(-2, 3) ** -3)
print(a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(2) == 2, a < b, a > 0.3, a <= 1, hash(F(1, 2)) == hash(0.5), hash(F(2)) == hash(2), bool(F(0)), int(F(7, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), float(F(1, 3)), F(1, 3).numerator, F(1, 3).denominator)
print(F(math.pi).limit_denominator(1000), F(1, 3).as_integer_ratio(), F.from_float(0.25), str(F(-1, 2)), F(10 ** 30, 3), f'{F(1, 3)}', sorted([F(1, 2), F(1, 3), 0.4]), sum([F(1, 2), F(1, 3)]), max(F(1, 2), 0.7))
print(F(1, 3) ** 0.5, type(F(1, 2) ** 2).__name__, F(-8, 3) // 1, F(-8, 3) % 1, math.trunc(F(-7, 2)), F(1, 2) != F(1, 2), {F(1, 2): 'h'}[F(2, 4)], {2: 'i'}[F(4, 2)], hash(0.1), hash(-2.5), hash(1e300), hash(F(-1, 3)), float(F(10 ** 40, 3)), F(2 ** 80, 3 ** 50) < 1)
#### statistics_module
import statistics as st
from fractions import Fraction as F
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([F(1, 2), F(1, 3)]), st.mean([1, 2.5]), st.mean([0.1] * 10), st.mean([1e50, 1, -1e50] * 3))
print(st.fmean([1, 2, 3, 4]), st.fmean(data), st.fmean([0.1] * 10), st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]), st.fmean(iter([1, 2])))
print(st.median([3, 1, 2, 4]), st.median([3, 1, 5]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]), st.median([F(1, 2), F(3, 2)]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance(data), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.variance([F(1, 6), F(1, 2), F(5, 3)]), st.variance([1, 3, 5], 3))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4]), st.pstdev([2] * 5), st.stdev([10 ** 20, 10 ** 20 + 1]), st.pstdev([0.1, 0.2, 0.3]))
for f in [lambda: st.mean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.pvariance([]), lambda: st.fmean([]), lambda: st.mean(['a']), lambda: st.fmean([1], weights=[1, 2])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError))
#### decimal_module
from decimal import *
D = Decimal
def show(f):
    try:
        v = f()
        print(v if isinstance(v, str) else repr(v))
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: D('0.1') + D('0.2'), lambda: D('2.675').quantize(D('0.01')), lambda: D('1.30') + D('1.20'), lambda: D('3.14159').quantize(D('1.000')), lambda: D(1) / D(3), lambda: D(2) / D(3), lambda: D(1) / D(8), lambda: D(10) / D(4), lambda: D('1.00') / D('0.5'), lambda: D(100) / D(4),
    lambda: D('1e3'), lambda: str(D('1e3')), lambda: D('-0'), lambda: D('0.000001'), lambda: D('0.0000001'), lambda: D('123.456e-10'), lambda: D('1E+2') + 0, lambda: D(0.1), lambda: D(1.5), lambda: D(-2.0), lambda: D('  12.5  '), lambda: D('1_000.5'), lambda: D('abc'), lambda: D('Infinity'), lambda: D('-inf'), lambda: D('NaN'), lambda: D('snan12'),
    lambda: D(10) // D(3), lambda: D(-10) // D(3), lambda: D(10) % D(3), lambda: D(-10) % D(3), lambda: D('7.5') % D('2'), lambda: D('2') ** 10, lambda: D('2') ** -2, lambda: D(2).sqrt(), lambda: D('0.25').sqrt(), lambda: D(100).sqrt(), lambda: D('1.21').sqrt(), lambda: -D('1.50'), lambda: abs(D('-2.5')),
    lambda: D('1.5') < 2, lambda: D('1.5') == 1.5, lambda: D('0.1') == 0.1, lambda: D(2) == 2, lambda: hash(D(2)) == hash(2), lambda: hash(D('0.5')) == hash(0.5), lambda: int(D('-7.9')), lambda: float(D('0.1')), lambda: round(D('2.5')), lambda: round(D('3.5')), lambda: round(D('1.2345'), 2), lambda: D('1.5').as_integer_ratio(), lambda: D('-1.5').as_tuple(), lambda: D('1.2300').normalize(), lambda: D('0.00').normalize(), lambda: D(1) / D(0), lambda: D(0) / D(0), lambda: sorted([D('1.1'), D(1), D('0.9')]),
    lambda: D('1.5').quantize(D('1'), rounding=ROUND_HALF_UP), lambda: D('2.5').quantize(D('1'), rounding=ROUND_HALF_UP), lambda: D('2.5').quantize(D('1')), lambda: D('-2.5').quantize(D('1'), rounding=ROUND_FLOOR), lambda: D('1.15').quantize(D('0.1'), ROUND_05UP), lambda: D('123').quantize(D('1e1')), lambda: D('1e30').quantize(D('1')), lambda: D('1.23456789012345678901234567890') + 0, lambda: D(1) / D(7) * 7, lambda: sum([D('0.1')] * 10), lambda: D('1.10') * D('2.0'), lambda: D(5) - D(5), lambda: D('-5') + D('5')]:
    show(f)
with localcontext() as ctx:
    ctx.prec = 5
    show(lambda: D(1) / D(3))
    show(lambda: D('123456789') + 0)
show(lambda: getcontext().prec)
show(lambda: D(1) / D(3))
import statistics
show(lambda: statistics.mean([D('0.5'), D('0.75'), D('0.625'), D('0.375')]))
show(lambda: statistics.median([D('1.5'), D('2.5')]))
show(lambda: statistics.variance([D('27.5'), D('30.25'), D('30.25'), D('34.5'), D('41.75')]))
