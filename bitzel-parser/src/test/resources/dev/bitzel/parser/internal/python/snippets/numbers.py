#### arithmetic
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 2 ** 10, -7 // 2, -7 % 3, 7 % -3)
#### float_arith
print(7.5 // 2, 7.5 % 2, -7.5 // 2, 2 ** -1, 2.0 ** 3, 10 / 4, 1e300 * 10)
#### overflow_to_big
x = 9223372036854775807
print(x + 1, x * 2, -x - 2, (x + 1) - 1, type(x + 1).__name__)
#### big_mixed
print(2 ** 64 // 3, 2 ** 64 % 1000, (2 ** 64) >> 3, 1 << 70, -(2 ** 65) // 7)
#### division_by_zero
1 / 0
#### int_mod_zero
5 % 0
#### float_div_zero
1.0 // 0.0
#### comparisons
print(1 < 2 < 3, 1 < 2 > 3, 1 == 1.0, 2 ** 64 == 2.0 ** 64, 1 < 1.5, 3 >= 3, 0.1 + 0.2 == 0.3)
#### bitwise
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 2, -8 >> 1, True & False, True | False)
#### int_conversion
print(int('42'), int(' -7 '), int('ff', 16), int('0x1f', 16), int('0b11', 0), int(3.9), int(-3.9), int(True), int('1_000'))
#### int_invalid
int('abc')
#### float_conversion
print(float('1.5'), float(' 2 '), float('inf'), float(3), float('-1e3'))
#### float_invalid
float('x')
#### round
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(0.5), round(1.25, 1))
#### divmod_pow
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7) if False else 0)
#### abs_minmax
print(abs(-3), abs(2.5), abs(-2 ** 70), min(3, 1, 2), max([1, 5, 3]), min('b', 'a'))
#### hex_oct_bin
print(hex(255), oct(8), bin(5), hex(-255), bin(0))
#### bool_arith
print(True + True, True - False, sum([True, True, False]), -True, int(True) * 5)
#### int_methods
print((255).bit_length(), (0).bit_length(), (1).to_bytes(2, 'big'))
#### float_is_integer
print((2.0).is_integer(), (2.5).is_integer())
#### mixed_compare_error
1 < 'a'
#### unary
x = 5
print(-x, +x, ~x, not x, - -x)
#### augmented
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 2; x %= 7
print(x)
#### chained_compare_once
def f():
    print('called')
    return 2
print(1 < f() < 3)
#### float_str
print(str(1e100), str(1.0), str(-1.5e-7), 3.0 * 1.1)
#### int_str_big
print(str(10 ** 30), repr(-(10 ** 19)))
