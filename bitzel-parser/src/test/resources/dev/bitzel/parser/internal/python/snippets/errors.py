#### err001
try:
    r = 1 + 'a'
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err002
try:
    r = 'a' + 1
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err003
try:
    r = [1] + (2,)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err004
try:
    r = {} + {}
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err005
try:
    r = None + 1
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err006
try:
    r = -'a'
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err007
try:
    r = ~1.5
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err008
try:
    r = len(1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err009
try:
    r = len(None)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err010
try:
    r = int('x1')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err011
try:
    r = int('')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err012
try:
    r = int(None)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err013
try:
    r = float('abc')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err014
try:
    r = float([])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err015
try:
    r = [].pop()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err016
try:
    r = [1].pop(5)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err017
try:
    r = [1].index(2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err018
try:
    r = (1,).index(2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err019
try:
    r = 'abc'.index('z')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err020
try:
    r = {}['k']
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err021
try:
    r = {}.pop('k')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err022
try:
    r = {1}.remove(2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err023
try:
    r = set().pop()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err024
try:
    r = {}.popitem()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err025
try:
    r = [1, 2][10]
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err026
try:
    r = (1, 2)[10]
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err027
try:
    r = 'ab'[10]
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err028
try:
    r = [1][None]
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err029
try:
    r = 'abc'['x']
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err030
try:
    r = 1[0]
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err031
try:
    r = None[0]
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err032
try:
    r = object().x
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err033
try:
    r = (1).x
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err034
try:
    r = 'a'.x
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err035
try:
    r = None.x
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err036
try:
    r = [].x
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err037
try:
    r = undefined_thing
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err038
try:
    r = iter(5)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err039
try:
    r = next(iter([]))
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err040
try:
    r = next([])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err041
try:
    r = {[]: 1}
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err042
try:
    r = hash({})
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err043
try:
    r = {{}}
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err044
try:
    r = 1 / 0
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err045
try:
    r = 1 // 0
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err046
try:
    r = 1 % 0
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err047
try:
    r = 1.0 / 0
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err048
try:
    r = 2 ** -1 // 0
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err049
try:
    r = 0 ** -1
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err050
try:
    r = divmod(1, 0)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err051
try:
    r = int('5', 1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err052
try:
    r = chr(-1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err053
try:
    r = ord('ab')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err054
try:
    r = '%d' % 'x'
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err055
try:
    r = '%d %d' % (1,)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err056
try:
    r = '%s' % (1, 2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err057
try:
    r = '%z' % 1
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err058
try:
    r = '{}'.format()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err059
try:
    r = '{0} {2}'.format(1, 2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err060
try:
    r = '{x}'.format()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err061
try:
    r = '{:d}'.format(1.5)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err062
try:
    r = '{:s}'.format(1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err063
try:
    r = format(1, 'z')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__)
#### err064
try:
    r = range(1, 2, 0)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err065
try:
    r = sorted([1, 'a'])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err066
try:
    r = min()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err067
try:
    r = max([])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err068
try:
    r = sum(['a', 'b'])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err069
try:
    r = abs('x')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err070
try:
    r = 'x' * 'y'
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err071
try:
    r = [1] * 1.5
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err072
try:
    r = 'abc'.split('')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err073
try:
    r = 'a'.join([1])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err074
try:
    r = 'a'.center(5, 'ab')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err075
try:
    r = getattr(1, 'nope')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err076
try:
    r = setattr(1, 'x', 2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err077
try:
    r = isinstance(1, 1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err078
try:
    r = issubclass(1, int)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err079
try:
    r = bytes('x')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err080
try:
    r = b'a' + 'b'
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err081
try:
    r = 'a' < 1
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err082
try:
    r = [] < ()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err083
try:
    r = None < None
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err084
try:
    r = (lambda x: x)()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err085
try:
    r = (lambda x: x)(1, 2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err086
try:
    r = (lambda: 0)(x=1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err087
try:
    r = (lambda *, k: k)()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err088
try:
    r = dict(1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err089
try:
    r = dict([1])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__)
#### err090
try:
    r = dict([(1, 2, 3)])
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err091
try:
    r = list(1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err092
try:
    r = tuple(None)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err093
try:
    r = 'abc'.startswith(1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err094
try:
    r = 'abc'.replace(1, 2)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err095
try:
    r = str.upper(1)
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
#### err096
try:
    r = int.bit_length('x')
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__)
#### err097
try:
    r = (1, 2).count()
    print('ok', repr(r))
except Exception as e:
    print(type(e).__name__)
